// The kernel is header-only (static inline, so that Swift callers can inline
// it); SwiftPM needs one source file to build the C target.
#include "CJSONEscaping.h"

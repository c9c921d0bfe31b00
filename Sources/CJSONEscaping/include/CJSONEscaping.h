// Escaping bytes as the body of a JSON string (RFC 8259 §7), sixteen bytes at
// a time with SSE2 where the target has it. Swift 6.3 lowers SIMD16 compares
// to one lane at a time and has no "move mask", so this one kernel is C
// (measured: docs/event-publishing.md §8). The functions are static inline,
// compiled into the Swift module that calls them.
#ifndef CJSON_ESCAPING_H
#define CJSON_ESCAPING_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The room `cjson_escape` may write into for `count` bytes: the worst case
/// (every byte a control byte, six long as `\u00XX`) plus sixteen bytes that
/// a wide store may write past the end of the escaped text.
static inline size_t cjson_escape_capacity(size_t count) { return count * 6 + 16; }

/// Writes `byte` escaped if JSON requires at `target`; returns the end.
static inline uint8_t *cjson_escape_byte(uint8_t byte, uint8_t *target) {
    if (__builtin_expect(byte >= 0x20 && byte != 0x22 && byte != 0x5C, 1)) {
        *target = byte;
        return target + 1;
    }
    uint8_t short_form;
    switch (byte) {
    case 0x22: short_form = 0x22; break;
    case 0x5C: short_form = 0x5C; break;
    case 0x08: short_form = 'b'; break;
    case 0x0C: short_form = 'f'; break;
    case 0x0A: short_form = 'n'; break;
    case 0x0D: short_form = 'r'; break;
    case 0x09: short_form = 't'; break;
    default: {
        static const char hex[] = "0123456789abcdef";
        target[0] = '\\';
        target[1] = 'u';
        target[2] = '0';
        target[3] = '0';
        target[4] = (uint8_t)hex[byte >> 4];
        target[5] = (uint8_t)hex[byte & 0xF];
        return target + 6;
    }
    }
    target[0] = '\\';
    target[1] = short_form;
    return target + 2;
}

/// Escapes `count` bytes one at a time: the path for targets without SSE2
/// and for blocks that hold a control byte.
static inline size_t cjson_escape_bytewise(const uint8_t *source, size_t count, uint8_t *target) {
    uint8_t *end = target;
    for (size_t index = 0; index < count; index++) end = cjson_escape_byte(source[index], end);
    return (size_t)(end - target);
}

/// Writes the eight bytes `word` (little-endian: byte k of the text is bits
/// 8k…) at `target`, each byte whose bit is set in `quotes` (a quote or a
/// backslash) preceded by a backslash; returns the end. The word is stored
/// once, then for each such byte a backslash goes in its place and the rest
/// of the word is stored again one byte further on. Writes up to eight bytes
/// past the end it returns.
static inline uint8_t *cjson_escape_quotes_in_word(uint64_t word, unsigned quotes, uint8_t *target) {
    memcpy(target, &word, 8);
    uint8_t *shifted = target;
    while (quotes != 0) {
        unsigned position = (unsigned)__builtin_ctz(quotes);
        uint64_t rest = word >> (position * 8);
        shifted[position] = '\\';
        memcpy(shifted + position + 1, &rest, 8);
        shifted += 1;
        quotes &= quotes - 1;
    }
    return shifted + 8;
}

#if defined(__SSE2__)
/// The bits, one per byte of the sixteen in `bytes`, of the bytes that are a
/// quote or a backslash.
static inline unsigned cjson_quote_mask(__m128i bytes) {
    __m128i quotes = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x22));
    __m128i backslashes = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(0x5C));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(quotes, backslashes));
}

/// The bits of the bytes of `bytes` below 0x20: control bytes.
static inline unsigned cjson_control_mask(__m128i bytes) {
    __m128i controls = _mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes);
    return (unsigned)_mm_movemask_epi8(controls);
}

/// Writes the eight bytes at `source` escaped at `target`; returns the end.
static inline uint8_t *cjson_escape_word(const uint8_t *source, uint8_t *target) {
    __m128i bytes = _mm_loadl_epi64((const __m128i *)source);
    // The upper eight lanes are zero: only the low eight bits count.
    unsigned controlMask = cjson_control_mask(bytes) & 0xFF;
    if (controlMask != 0) return target + cjson_escape_bytewise(source, 8, target);
    uint64_t word;
    memcpy(&word, source, 8);
    return cjson_escape_quotes_in_word(word, cjson_quote_mask(bytes) & 0xFF, target);
}

/// Copies `count` bytes (4 to 15) of `source` to `target` when none needs
/// escaping, checked and copied as two overlapping words (or halves); returns
/// whether it did.
static inline int cjson_copy_if_plain(const uint8_t *source, size_t count, uint8_t *target) {
    if (count >= 8) {
        uint64_t head, tail;
        memcpy(&head, source, 8);
        memcpy(&tail, source + count - 8, 8);
        __m128i bytes = _mm_set_epi64x((long long)tail, (long long)head);
        if ((cjson_quote_mask(bytes) | cjson_control_mask(bytes)) != 0) return 0;
        memcpy(target, &head, 8);
        memcpy(target + count - 8, &tail, 8);
        return 1;
    }
    uint32_t head, tail;
    memcpy(&head, source, 4);
    memcpy(&tail, source + count - 4, 4);
    // Lanes 8… are zero, which counts as a control byte: only the low eight bits count.
    __m128i bytes = _mm_unpacklo_epi32(_mm_cvtsi32_si128((int)head), _mm_cvtsi32_si128((int)tail));
    if (((cjson_quote_mask(bytes) | cjson_control_mask(bytes)) & 0xFF) != 0) return 0;
    memcpy(target, &head, 4);
    memcpy(target + count - 4, &tail, 4);
    return 1;
}
#endif

/// Writes `count` bytes of `source` escaped as the body of a JSON string at
/// `target`, which has room for `cjson_escape_capacity(count)` bytes; returns
/// the number of bytes of escaped text. Quotes and backslashes get a
/// backslash, control bytes become `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`,
/// every other byte (non-ASCII included) is copied. Never reads outside
/// `source[0..<count]`.
///
/// Sixteen bytes at a time: a block with nothing to escape is copied with
/// one store; in a block whose only special bytes are quotes and backslashes,
/// each is escaped by storing a backslash in its place and the rest of its
/// eight-byte word again one byte further on; a block with a control byte
/// goes a byte at a time.
static inline size_t cjson_escape(const uint8_t *source, size_t count, uint8_t *target) {
#if defined(__SSE2__)
    uint8_t *end = target;
    size_t index = 0;
    if (count >= 16) {
        do {
            __m128i bytes = _mm_loadu_si128((const __m128i *)(source + index));
            unsigned quoteMask = cjson_quote_mask(bytes);
            unsigned controlMask = cjson_control_mask(bytes);
            _mm_storeu_si128((__m128i *)end, bytes);
            if ((quoteMask | controlMask) == 0) {
                end += 16;
            } else if (controlMask == 0) {
                uint64_t low, high;
                memcpy(&low, source + index, 8);
                memcpy(&high, source + index + 8, 8);
                end = cjson_escape_quotes_in_word(low, quoteMask & 0xFF, end);
                end = cjson_escape_quotes_in_word(high, quoteMask >> 8, end);
            } else {
                end += cjson_escape_bytewise(source + index, 16, end);
            }
            index += 16;
        } while (count - index >= 16);
        if (index == count) return (size_t)(end - target);
        // The last, partial block. When none of the sixteen bytes ending the
        // text needs escaping, they are stored over the bytes just written
        // (which were then copied as they are): one store.
        __m128i bytes = _mm_loadu_si128((const __m128i *)(source + count - 16));
        if ((cjson_quote_mask(bytes) | cjson_control_mask(bytes)) == 0) {
            _mm_storeu_si128((__m128i *)(end - (16 - (count - index))), bytes);
            return (size_t)(end - target) + (count - index);
        }
        if (count - index >= 8) {
            end = cjson_escape_word(source + index, end);
            index += 8;
        }
    } else if (count >= 4) {
        if (cjson_copy_if_plain(source, count, target)) return count;
        if (count >= 8) {
            end = cjson_escape_word(source, end);
            index = 8;
        }
    }
    return (size_t)(end - target) + cjson_escape_bytewise(source + index, count - index, end);
#else
    return cjson_escape_bytewise(source, count, target);
#endif
}

#endif

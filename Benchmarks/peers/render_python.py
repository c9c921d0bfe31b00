"""The rendering workload in pybars3 and Jinja2: the same template (templates/
shipping.*.hbs for pybars3, the hand-translated shipping.*.j2 for Jinja2), the same
rows (workload.py), and before timing, every row's output compared byte for byte with
sesim's (the file `Peers render --write-renderings` writes).

SES does not HTML-escape, so neither engine escapes here: Jinja2's autoescape is off
(its default) and pybars3, which has no switch, gets an identity `escape`. Jinja2
runs with trim_blocks and lstrip_blocks, which give Handlebars' standalone-line rule
for block tags alone on their line. One JSON line per engine, workload and repetition."""

import argparse
import json
import os
import sys
import time

import jinja2
import pybars
import pybars._compiler

PARTS = ("subject", "text", "html")


def read_part(folder, name, extension):
    with open(os.path.join(folder, f"shipping.{name}.{extension}"), encoding="utf-8") as file:
        text = file.read()
    return text[:-1] if text.endswith("\n") else text  # one trailing line break, as the Swift side


def merge(replacement, defaults):
    """SendBulkTemplatedEmail's merge, as sesim's TemplateData.merge: objects merge key
    by key, recursively; any other value of the replacement replaces the default."""
    result = dict(defaults)
    for key, value in replacement.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(value, result[key])
        else:
            result[key] = value
    return result


def pybars_engine(folder):
    pybars._compiler.escape = lambda text: text  # SES does not escape
    compiler = pybars.Compiler()
    templates = [compiler.compile(read_part(folder, name, "hbs")) for name in PARTS]

    def render(data):
        return [template(data) for template in templates]

    return render


def jinja2_engine(folder):
    environment = jinja2.Environment(
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    templates = [environment.from_string(read_part(folder, name, "j2")) for name in PARTS]

    def render(data):
        return [template.render(data) for template in templates]

    return render


def read_renderings(path, rows):
    with open(path, "rb") as file:
        blob = file.read()
    renderings, position = [], 0
    for _ in range(rows):
        parts = []
        for _ in PARTS:
            end = blob.index(b"\n", position)
            length = int(blob[position:end])
            parts.append(blob[end + 1:end + 1 + length].decode("utf-8"))
            position = end + 1 + length
        renderings.append(parts)
    if position != len(blob):
        raise SystemExit(f"{path}: {len(blob) - position} bytes left over")
    return renderings


def check(engine_name, render, merged, expected):
    for index, (data, want) in enumerate(zip(merged, expected)):
        got = render(data)
        for part, got_text, want_text in zip(PARTS, got, want):
            if got_text != want_text:
                at = next((i for i, (a, b) in enumerate(zip(got_text, want_text)) if a != b),
                          min(len(got_text), len(want_text)))
                raise SystemExit(
                    f"{engine_name} differs from sesim at row {index}, {part} part, character {at}:\n"
                    f"  {engine_name}: {got_text[max(0, at - 40):at + 40]!r}\n"
                    f"  sesim: {want_text[max(0, at - 40):at + 40]!r}")


def time_render(render, merged, renders):
    for data in merged:  # warm, as the Swift side
        render(data)
    count = len(merged)
    total = 0
    start = time.perf_counter()
    for index in range(renders):
        parts = render(merged[index % count])
        total += len(parts[0]) + len(parts[1]) + len(parts[2])
    return time.perf_counter() - start


def time_parse_render(render, rows, defaults, renders):
    loads = json.loads
    for row in rows:
        render(merge(loads(row), defaults))
    count = len(rows)
    start = time.perf_counter()
    for index in range(renders):
        parts = render(merge(loads(rows[index % count]), defaults))
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--work", required=True, help="folder with defaults.json and rows.jsonl")
    parser.add_argument("--expected", help="sesim's renderings, to compare with before timing")
    parser.add_argument("--renders", type=int, default=10_000)
    parser.add_argument("--repetitions", type=int, default=1)
    parser.add_argument("--engines", default="pybars3,jinja2")
    args = parser.parse_args()

    with open(os.path.join(args.work, "defaults.json"), encoding="utf-8") as file:
        defaults = json.load(file)
    with open(os.path.join(args.work, "rows.jsonl"), encoding="utf-8") as file:
        rows = [line for line in file.read().split("\n") if line]
    merged = [merge(json.loads(row), defaults) for row in rows]

    engines = {"pybars3": pybars_engine, "jinja2": jinja2_engine}
    selected = [(name, engines[name](args.templates)) for name in args.engines.split(",")]
    if args.expected:
        expected = read_renderings(args.expected, len(rows))
        for name, render in selected:
            check(name, render, merged, expected)
            print(f"{name}: all {len(rows)} rows render byte-identical to sesim", file=sys.stderr)

    for _ in range(args.repetitions):
        for name, render in selected:
            seconds = time_render(render, merged, args.renders)
            print(json.dumps({"side": name, "workload": "render", "rows": len(rows),
                              "renders": args.renders,
                              "seconds": seconds, "rate": args.renders / seconds}), flush=True)
            seconds = time_parse_render(render, rows, defaults, args.renders)
            print(json.dumps({"side": name, "workload": "parse+render", "rows": len(rows),
                              "renders": args.renders,
                              "seconds": seconds, "rate": args.renders / seconds}), flush=True)


if __name__ == "__main__":
    main()

import SESTemplates
import SimCore
import Testing

/// Seeded generators of random and mutated templates and JSON: whatever they make,
/// compiling, parsing and rendering must end in an output or an error, never a crash.
@Suite("Fuzzing")
struct FuzzTests {
    static let fragments = [
        "{{", "}}", "{{{", "}}}", "{{#if a}}", "{{/if}}", "{{else}}", "{{else if b}}", "{{^}}",
        "{{#each items}}",
        "{{/each}}", "{{#each map as |v k|}}", "{{k}}", "{{v}}", "{{name}}", "{{../name}}", "{{this}}",
        "{{.}}",
        "{{@index}}", "{{@key}}", "{{@first}}", "{{@root.name}}", "{{#with obj}}", "{{/with}}",
        "{{#unless c}}",
        "{{/unless}}", "{{> p}}", "{{#*inline \"p\"}}", "{{/inline}}", "{{lookup items 0}}", "{{! c }}",
        "{{!-- ",
        "--}}", "~", "\\", "\n", "  ", "text", "<a href=\"https://x.example/\">", "[", "]", "\"", "'",
        "as |x|",
        "{{#obj}}", "{{/obj}}", "{{^items}}", "{{/items}}", "{{&name}}", "{{obj.deep.er}}", "=", "(", ")",
        "@", "|",
        "{{ses:openTracker}}", "é", "{{#if a includeZero=true}}", "{{x y}}", "{{#*decorator}}", "{{#> p}}",
    ]

    static let data = try! TemplateData(
        json:
            #"{"a":1,"b":0,"c":null,"name":"N","items":[1,"two",{"k":3}],"map":{"x":1,"y":[2]},"obj":{"deep":{"er":"!"}}}"#
    )

    static func next(_ generator: inout Xoshiro256StarStar, below bound: Int) -> Int {
        Int(generator.next() % UInt64(bound))
    }

    static func randomTemplate(_ generator: inout Xoshiro256StarStar) -> String {
        var text = ""
        for _ in 0..<next(&generator, below: 14) {
            text += fragments[next(&generator, below: fragments.count)]
        }
        return text
    }

    static let insertions = Array("{}#/^!~.\\@ \"|=a".utf8)

    static func mutate(_ source: String, _ generator: inout Xoshiro256StarStar) -> String {
        var bytes = Array(source.utf8)
        for _ in 0...next(&generator, below: 4) {
            let position = bytes.isEmpty ? 0 : next(&generator, below: bytes.count)
            switch next(&generator, below: 3) {
            case 0 where !bytes.isEmpty: bytes.remove(at: position)
            case 1: bytes.insert(insertions[next(&generator, below: insertions.count)], at: position)
            default: if !bytes.isEmpty { bytes[position] = UInt8(truncatingIfNeeded: generator.next()) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let base =
        "{{#*inline \"p\"}}<b>{{name}}</b>{{/inline}}\n{{#if a}}\n  {{> p}}\n{{else}}none{{/if}}\n"
        + "{{#each items as |item i|}}{{i}}={{item}}{{#if @last}}.{{/if}}{{/each}} {{#with obj}}{{deep.er}}{{/with}}"

    @Test func oneHundredThousandRandomAndMutatedTemplatesNeverCrash() {
        var generator = Xoshiro256StarStar(seed: 2026)
        var renderer = TemplateRenderer(
            options: RenderingOptions(maximumOutputBytes: 10_000, maximumSteps: 10_000))
        var lenient = TemplateRenderer(
            options: RenderingOptions(
                escapesHTML: true, rendersMissingValuesAsEmpty: true, maximumOutputBytes: 10_000,
                maximumSteps: 10_000))
        var output: [UInt8] = []
        var compiled = 0
        var rendered = 0
        var refused = 0
        for round in 0..<100_000 {
            let source = round % 2 == 0 ? Self.randomTemplate(&generator) : Self.mutate(Self.base, &generator)
            do {
                let part = try TemplateCompiler.compile(source, partName: "HtmlPart")
                compiled += 1
                output.removeAll(keepingCapacity: true)
                if (try? renderer.render(part, data: Self.data, appendingTo: &output)) != nil {
                    rendered += 1
                }
                output.removeAll(keepingCapacity: true)
                try? lenient.render(part, data: Self.data, appendingTo: &output)
            } catch {
                #expect(error.code == .invalidTemplate)
                refused += 1
            }
        }
        print(
            "Template fuzzing: 100000 templates, \(compiled) compiled (\(rendered) rendered in SES mode), \(refused) refused"
        )
        #expect(compiled + refused == 100_000)
        #expect(compiled > 10_000)
        #expect(refused > 10_000)
    }

    @Test func mutatedJSONParsesOrFailsAndValidJSONRoundTrips() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        let base = #"{"a":[1,-2.5e+3,true,false,null,"x\u00e9\"\n"],"b":{"c":{"d":[[],{}]}},"e":"😀"}"#
        var parsed = 0
        for _ in 0..<20_000 {
            let mutated = Self.mutate(base, &generator)
            guard let data = try? TemplateData(json: mutated) else { continue }
            parsed += 1
            let again = try TemplateData(json: JSONText.write(data.value))
            #expect(again.value == data.value)
        }
        print("JSON fuzzing: 20000 mutated documents, \(parsed) parsed and round-tripped")
        #expect(parsed > 100)
    }
}

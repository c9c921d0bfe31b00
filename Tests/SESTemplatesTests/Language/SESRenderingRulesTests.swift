import SESTemplates
import Testing

@Suite("SES rendering rules")
struct SESRenderingRulesTests {
    @Test func substitutesVariablesWithoutEscaping() throws {
        #expect(
            try render("<h1>Hello {{name}}</h1>", #"{"name":"<b>Ana & Bo</b>"}"#)
                == "<h1>Hello <b>Ana & Bo</b></h1>")
        #expect(try render("{{{name}}}{{&name}}", #"{"name":"<i>"}"#) == "<i><i>")
    }

    @Test func aMissingVariableIsMissingRenderingAttribute() {
        #expect(
            renderingError("Dear {{name}},", #"{"Name":"x"}"#)
                == TemplateError(
                    .missingRenderingAttribute, "Attribute 'name' is not present in the rendering data."))
        #expect(
            renderingError("{{name}}", #"{"name":null}"#)?.message
                == "Attribute 'name' is not present in the rendering data.")
    }

    @Test func aMissingDottedPathIsNamedAsWritten() {
        #expect(
            renderingError("{{contact.firstName}}", #"{"contact":{}}"#)?.message
                == "Attribute 'contact.firstName' is not present in the rendering data.")
        #expect(
            renderingError("{{#each items}}{{../title}}{{/each}}", #"{"items":[1]}"#)?.message
                == "Attribute '../title' is not present in the rendering data.")
    }

    @Test func valuesOnlyTestedByBlocksMayBeMissing() throws {
        #expect(try render("{{#if vip}}VIP{{else}}regular{{/if}}") == "regular")
        #expect(try render("{{#unless vip}}regular{{/unless}}") == "regular")
        #expect(try render("{{#each items}}x{{else}}none{{/each}}") == "none")
        #expect(try render("{{#with address}}x{{else}}no address{{/with}}") == "no address")
        #expect(try render("{{#if vip}}{{/if}}", #"{"vip":null}"#) == "")
    }

    @Test func numbersPrintAsJSONWritesThemAndBooleansAsWords() throws {
        let json =
            #"{"i":3,"f":2.5,"z":3.0,"e":1e21,"s":1e-7,"n":-0,"b":true,"c":false,"big":12345678901234567890}"#
        #expect(
            try render("{{i}} {{f}} {{z}} {{e}} {{s}} {{n}} {{b}} {{c}} {{big}}", json)
                == "3 2.5 3 1e+21 1e-7 0 true false 12345678901234567000")
        #expect(try render("{{a}}", #"{"a":0.000001}"#) == "0.000001")
        #expect(try render("{{a}}", #"{"a":123.4500}"#) == "123.45")
        #expect(try render("{{a}}", #"{"a":1E2}"#) == "100")
    }

    @Test func arraysAndObjectsPrintAsJavaScriptStringsThem() throws {
        #expect(
            try render("{{a}}|{{o}}", #"{"a":[1,"x",null,[2,3]],"o":{"k":1}}"#) == "1,x,,2,3|[object Object]")
    }

    @Test func eachIteratesArraysAndObjectsWithDataVariables() throws {
        let json = #"{"items":["a","b","c"],"map":{"x":1,"y":2}}"#
        #expect(
            try render(
                "{{#each items}}{{@index}}:{{this}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}} {{/each}}",
                json)
                == "0:aF 1:b 2:cL ")
        #expect(try render("{{#each map}}{{@key}}={{.}}@{{@index}};{{/each}}", json) == "x=1@0;y=2@1;")
        #expect(try render("{{#each items as |item i|}}{{i}}{{item}}{{/each}}", json) == "0a1b2c")
        #expect(try render("{{#each map as |v k|}}{{k}}{{v}}{{/each}}", json) == "x1y2")
    }

    @Test func ifElseIfChainsAndUnless() throws {
        let template = "{{#if a}}A{{else if b}}B{{else unless c}}notC{{else}}C{{/if}}"
        #expect(try render(template, #"{"a":1}"#) == "A")
        #expect(try render(template, #"{"b":"x"}"#) == "B")
        #expect(try render(template, #"{}"#) == "notC")
        #expect(try render(template, #"{"c":[1]}"#) == "C")
        #expect(
            try render("{{#if n}}y{{else}}n{{/if}}{{#if n includeZero=true}}y{{/if}}", #"{"n":0}"#) == "ny")
        #expect(try render("{{#if list}}y{{else}}n{{/if}}", #"{"list":[]}"#) == "n")
    }

    @Test func withParentPathsThisAndLookup() throws {
        let json = #"{"title":"T","person":{"name":"Ana","tags":["x","y"]},"idx":1,"keys":{"a":"A"},"k":"a"}"#
        #expect(
            try render("{{#with person}}{{name}} {{../title}} {{this.name}} {{tags.[1]}}{{/with}}", json)
                == "Ana T Ana y")
        #expect(
            try render("{{lookup person.tags idx}} {{lookup keys k}} {{person.tags.length}}", json) == "y A 2"
        )
        #expect(
            renderingError("{{lookup keys \"zz\"}}", json)?.message
                == "Attribute 'zz' is not present in the rendering data.")
    }

    @Test func inlinePartialsAreDefinedPerPart() throws {
        let template = "{{#*inline \"fullName\"}}{{first}} {{last}}{{/inline}}\nHi {{> fullName}}!"
        // Not standalone (the tags share lines with mustaches), so the newline stays, as in handlebars.js.
        #expect(try render(template, #"{"first":"Ana","last":"Bo"}"#) == "\nHi Ana Bo!")
        let standalone = "{{#*inline \"fullName\"}}\n{{first}} {{last}}\n{{/inline}}\nHi {{> fullName}}!"
        #expect(try render(standalone, #"{"first":"Ana","last":"Bo"}"#) == "Hi Ana Bo\n!")
        let error = renderingError("Hi {{> fullName}}")
        #expect(error?.code == .invalidTemplate)
        #expect(error?.message == "HtmlPart line 1, column 4: the partial fullName could not be found")
        #expect(error?.location == TemplateError.Location(part: "HtmlPart", line: 1, column: 4))
    }

    @Test func commentsAndStandaloneLinesLeaveNoTrace() throws {
        let template =
            "<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>\n{{! note }}\n{{!-- {{long}} --}}\nend"
        #expect(try render(template, #"{"items":[1,2]}"#) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\nend")
        #expect(try render("a  {{~x~}}  b", #"{"x":"-"}"#) == "a-b")
    }

    @Test func anUnknownHelperIsInvalidTemplate() {
        let error = renderingError("Line one\n  {{formatDate sent}}")
        #expect(error?.code == .invalidTemplate)
        #expect(
            error?.message
                == "HtmlPart line 2, column 3: Missing helper: \"formatDate\" (SES has no custom helpers)")
        #expect(renderingError("{{#repeat 3}}x{{/repeat}}")?.code == .invalidTemplate)
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        #expect(
            renderingError("ok\n{{#if a}}x")?.message
                == "HtmlPart line 2, column 1: the block 'if' is never closed")
        #expect(
            renderingError("{{#if a}}x{{/each}}")?.message
                == "HtmlPart line 1, column 11: 'if' doesn't match 'each'")
        #expect(renderingError("{{name")?.message == "HtmlPart line 1, column 1: unclosed tag: expected '}}'")
        #expect(renderingError("{{a.}}")?.code == .invalidTemplate)
        #expect(
            renderingError("{{#if}}{{/if}}")?.message
                == "HtmlPart line 1, column 1: #if requires exactly one argument")
    }

    @Test func theOpenTrackerPlaceholderSurvivesRendering() throws {
        #expect(try render("<p>{{ses:openTracker}}</p>") == "<p>{{ses:openTracker}}</p>")
    }

    @Test func escapingModeEscapesLikeHandlebarsJS() throws {
        let json = #"{"x":"&<>\"'`="}"#
        #expect(
            try render("{{x}}|{{{x}}}", json, options: .handlebarsJS)
                == "&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;|&<>\"'`=")
        #expect(try render("[{{missing}}]", options: .handlebarsJS) == "[]")
    }

    @Test func renderingLimitsStopRunawayTemplates() {
        var options = RenderingOptions.ses
        options.maximumOutputBytes = 100
        #expect(
            renderingError(
                "{{#each a}}{{#each ../a}}xxxxxxxxxx{{/each}}{{/each}}", #"{"a":[1,2,3,4,5]}"#,
                options: options)
                == TemplateError(
                    .renderingLimitExceeded, "Rendering stopped: the template produced more than 100 bytes."))
        options.maximumSteps = 20
        #expect(
            renderingError(
                "{{#each a}}{{/each}}", #"{"a":[1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6]}"#,
                options: options)?.code
                == .renderingLimitExceeded)
    }
}

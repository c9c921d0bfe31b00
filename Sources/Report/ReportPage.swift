import SESSimulation
import ScenarioFormat

/// One self-contained HTML page: a header (title, description, facts, the
/// expectations' verdicts), a list of links to the sections, the sections
/// (paragraphs, charts, tables) and a footer.
///
/// The page loads nothing: the style sheet is inline, charts are inline
/// SVG, and a Content-Security-Policy forbids every other source, so it
/// reads the same with no network and can be mailed or archived as one
/// file. It is written as well-formed XML (self-closed empty elements,
/// every text escaped), so an XML parser can check it.
struct ReportPage {
    /// A name and a value shown in the header (`seed`: `7`).
    struct Fact {
        var name: String
        var value: String
    }

    /// An expectation's outcome.
    struct Verdict {
        var passed: Bool
        var label: String
        var observed: String
    }

    /// A small table. Columns whose cells are all numbers (or `—`) are
    /// right-aligned.
    struct Table {
        var header: [String]
        var rows: [[String]]
    }

    /// One piece of a section.
    enum Block {
        case paragraph(String)
        /// An `<svg>` element from ``TimeSeriesChart`` or ``BarChart``.
        case chart(String)
        case table(Table)
    }

    /// A titled part of the page, linked from the header.
    struct Section {
        /// The fragment identifier (`traffic`): letters, digits and `-`.
        var id: String
        var title: String
        var blocks: [Block]
    }

    var title: String
    var description: String?
    var facts: [Fact]
    /// Empty when the scenario states no expectations.
    var verdicts: [Verdict]
    var sections: [Section]
    /// What wrote the page, e.g. `sesim 0.1.0`.
    var generator: String

    /// The complete document.
    func html() -> String {
        var writer = MarkupWriter()
        writer.raw("<!DOCTYPE html>\n")
        writer.start("html", [("lang", "en")])
        writer.start("head")
        writer.element("meta", [("charset", "utf-8")])
        writer.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        writer.element(
            "meta",
            [
                ("http-equiv", "Content-Security-Policy"),
                ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
            ])
        writer.element("meta", [("name", "generator"), ("content", generator)])
        writer.element("title", content: "\(title) — sesim report")
        writer.start("style")
        writer.raw(ReportStyle.css)
        writer.end()
        writer.end()
        writer.start("body")
        writeHeader(into: &writer)
        writer.start("main")
        writeVerdicts(into: &writer)
        for section in sections {
            writer.start("section", [("id", section.id)])
            writer.element("h2", content: section.title)
            for block in section.blocks { write(block, into: &writer) }
            writer.end()
        }
        writer.end()
        writer.start("footer")
        writer.element(
            "p",
            content:
                "Written by \(generator). This page is self-contained: its charts are inline SVG, and it "
                + "loads no scripts, fonts, images or styles from elsewhere, so it reads the same offline "
                + "and prints as it shows.")
        writer.end()
        writer.end()
        writer.end()
        return writer.finished
    }

    private func writeHeader(into writer: inout MarkupWriter) {
        writer.start("header")
        writer.element("p", [("class", "kicker")], content: "sesim run report")
        writer.element("h1", content: title)
        if let description, !description.isEmpty {
            writer.element("p", [("class", "description")], content: description)
        }
        writer.start("dl", [("class", "facts")])
        for fact in facts {
            writer.start("div")
            writer.element("dt", content: fact.name)
            writer.element("dd", content: fact.value)
            writer.end()
        }
        writer.end()
        writer.end()
        writer.start("nav", [("aria-label", "sections")])
        for (index, link) in ([("expectations", "Expectations")] + sections.map { ($0.id, $0.title) })
            .enumerated()
        {
            if index > 0 { writer.raw("\n") }
            writer.element("a", [("href", "#" + link.0)], content: link.1, inline: true)
        }
        writer.raw("\n")
        writer.end()
    }

    private func writeVerdicts(into writer: inout MarkupWriter) {
        writer.start("section", [("id", "expectations"), ("class", "verdicts")])
        writer.element("h2", content: "Expectations")
        let failed = verdicts.filter { !$0.passed }.count
        if verdicts.isEmpty {
            writer.element("p", content: "The scenario states no expectations.")
        } else {
            writer.element(
                "p", [("class", failed == 0 ? "summary-line pass" : "summary-line fail")],
                content: failed == 0
                    ? "All \(verdicts.count) expectations hold."
                    : "\(failed) of \(verdicts.count) expectations failed.")
            writer.start("ul")
            for verdict in verdicts {
                writer.start("li", [("class", verdict.passed ? "pass" : "fail")])
                writer.element(
                    "span", [("class", "badge")], content: verdict.passed ? "PASS" : "FAIL", inline: true)
                writer.write(verdict.label + " ")
                writer.element(
                    "span", [("class", "observed")], content: "(observed \(verdict.observed))", inline: true)
                writer.end()
            }
            writer.end()
        }
        writer.end()
    }

    private func write(_ block: Block, into writer: inout MarkupWriter) {
        switch block {
        case .paragraph(let text):
            writer.element("p", content: text)
        case .chart(let svg):
            writer.start("figure", [("class", "chart")])
            writer.raw(svg)
            writer.end()
        case .table(let table):
            let numeric = table.header.indices.map { column in
                !table.rows.isEmpty
                    && table.rows.allSatisfy { row in
                        column >= row.count || Self.isNumeric(row[column])
                    }
            }
            writer.start("div", [("class", "table-wrap")])
            writer.start("table")
            writer.start("thead")
            writer.start("tr")
            for (column, name) in table.header.enumerated() {
                writer.element("th", [("class", numeric[column] ? "num" : nil)], content: name)
            }
            writer.end()
            writer.end()
            writer.start("tbody")
            for row in table.rows {
                writer.start("tr")
                for (column, cell) in row.enumerated() {
                    let isNumber = column < numeric.count && numeric[column]
                    writer.element("td", [("class", isNumber ? "num" : nil)], content: cell)
                }
                writer.end()
            }
            writer.end()
            writer.end()
            writer.end()
        }
    }

    /// Whether `cell` reads as a number (`1,234`, `-5`, `0.62%`, `12k`) or
    /// is the dash that stands for none.
    private static func isNumeric(_ cell: String) -> Bool {
        if cell == "—" || cell.isEmpty { return true }
        let body = cell.hasPrefix("-") ? cell.dropFirst() : Substring(cell)
        return body.first?.isNumber == true
    }
}

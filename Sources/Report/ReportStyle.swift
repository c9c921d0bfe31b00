import SESSimulation
import ScenarioFormat

/// The report page's style sheet, inlined in its `<head>`: light, readable
/// on a screen of any width (charts scale by their viewBox; wide tables
/// scroll) and on paper (no navigation, no page break inside a chart or a
/// table). Local system fonts only. It holds no `<` or `&`, so it is safe
/// as the raw content of a `<style>` element in both HTML and XML.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f7f7f7; color: #222; \
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        header, nav, main, footer { max-width: 980px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 28px; }
        .kicker { margin: 0; font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; color: #666; }
        h1 { margin: 2px 0 6px; font-size: 26px; line-height: 1.25; overflow-wrap: anywhere; }
        h2 { margin: 36px 0 8px; padding-bottom: 4px; font-size: 19px; border-bottom: 1px solid #ddd; }
        .description { margin: 0 0 12px; max-width: 70ch; }
        .facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 12px 0; }
        .facts dt { font-size: 12px; color: #666; }
        .facts dd { margin: 0; font-variant-numeric: tabular-nums; }
        nav { margin-top: 10px; font-size: 14px; }
        nav a { margin-right: 16px; color: #005a96; }
        .verdicts ul { margin: 8px 0; padding: 0; list-style: none; }
        .verdicts li { margin: 4px 0; }
        .badge { display: inline-block; min-width: 3.4em; margin-right: 8px; padding: 1px 6px; \
        border-radius: 3px; font-size: 12px; font-weight: 600; text-align: center; }
        .pass .badge { background: #dff2ea; color: #00603f; }
        .fail .badge { background: #fbe3d8; color: #9c3400; }
        .observed { color: #666; }
        .summary-line { font-weight: 600; }
        .summary-line.fail { color: #9c3400; }
        figure.chart { margin: 16px 0; padding: 8px; background: #fff; border: 1px solid #e3e3e3; \
        border-radius: 6px; }
        figure.chart svg { display: block; width: 100%; height: auto; }
        .table-wrap { overflow-x: auto; }
        table { margin: 12px 0; border-collapse: collapse; background: #fff; font-size: 14px; \
        font-variant-numeric: tabular-nums; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e3e3e3; text-align: left; white-space: nowrap; }
        th { font-weight: 600; border-bottom-color: #bbb; }
        .num { text-align: right; }
        footer { padding-top: 24px; padding-bottom: 40px; font-size: 13px; color: #666; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          nav { display: none; }
          figure.chart { padding: 0; border: none; }
          figure.chart, table, .verdicts { break-inside: avoid; }
          h2 { break-after: avoid; }
        }

        """
}

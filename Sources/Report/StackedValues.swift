import SESSimulation
import ScenarioFormat
import SimCore

/// The stacked series of a ``TimeSeriesChart``: each series' base and top
/// at every instant of its group, where the groups are the stacked areas
/// and the stacked bars (each stacks on its own).
///
/// A group's instants are the union of its series' points' instants; a
/// series with no point at one of them contributes zero there, and points
/// at the same instant in one series add up. Layers stack in series order.
struct StackedValues {
    /// One series, stacked.
    struct Layer {
        /// The series' index in the chart.
        var series: Int
        /// The group's instants, earliest first.
        var times: [SimTime]
        var bases: [Double]
        var tops: [Double]
    }

    /// The layers, in series order.
    let layers: [Layer]

    /// Every base and top: what the value axis must cover.
    var extremes: [Double] { layers.flatMap { $0.bases + $0.tops } }

    /// Stacks `series`, whose finite, sorted points are `points`.
    init(series: [TimeSeriesChart.Series], points: [[TimeSeriesChart.Point]]) {
        var layers: [Layer] = []
        for mark in [TimeSeriesChart.Mark.stackedBars, .stackedArea] {
            let members = series.indices.filter { series[$0].mark == mark }
            let times = Array(Set(members.flatMap { points[$0].map(\.time) })).sorted()
            let position = Dictionary(
                uniqueKeysWithValues: times.enumerated().map { ($0.element, $0.offset) })
            var base = [Double](repeating: 0, count: times.count)
            for member in members {
                var values = [Double](repeating: 0, count: times.count)
                for point in points[member] { values[position[point.time]!] += point.value }
                let top = zip(base, values).map { $0 + $1 }
                layers.append(Layer(series: member, times: times, bases: base, tops: top))
                base = top
            }
        }
        self.layers = layers.sorted { $0.series < $1.series }
    }
}

import ArgumentParser
import ScenarioFormat

/// `sesim validate`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.",
        discussion:
            "Reports every problem in each file with its line, column and path. Exits 0 when all are valid, 2 otherwise."
    )

    @Argument(help: "The scenario files.")
    var files: [String]

    func run() throws {
        var invalid = 0
        for file in files {
            do {
                let scenario = try ScenarioLoader().load(file: file)
                print("\(file): ok (\(scenario.name))")
            } catch {
                invalid += 1
                Terminal.error(error.description)
            }
        }
        if invalid > 0 { throw ExitCode(2) }
    }
}

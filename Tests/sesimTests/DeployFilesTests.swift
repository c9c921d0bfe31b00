import ArgumentParser
import Foundation
import Sweeps
import Testing
import Yams

@testable import sesim

/// The job descriptions in deploy/ give `sesim sweep` exactly the variables
/// it reads for their batch system (``ArrayJobSystem``, the list
/// ``Shard/detect(environment:count:)`` reads), and their commands are
/// valid `sesim sweep` and `sesim merge` command lines whose shards cover
/// the sweep and whose merge reads the folders the shards write.
@Suite("The deploy/ job descriptions")
struct DeployFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// `command` (a `sh -c` line without quotes) split into words, with
    /// `$NAME` replaced from `environment`; the words after `exec sesim`.
    static func sesimArguments(_ command: String, environment: [String: String]) throws -> [String] {
        var words = command.split(whereSeparator: \.isWhitespace).map(String.init)
        try #require(words.prefix(2) == ["exec", "sesim"], "\(command)")
        words.removeFirst(2)
        return words.map { word in
            var word = word
            for (name, value) in environment { word = word.replacingOccurrences(of: "$" + name, with: value) }
            return word
        }
    }

    /// The sweep command `arguments` parse to.
    static func sweep(_ arguments: [String]) throws -> SweepCommand {
        let parsed = try SesimCommand.parseAsRoot(arguments)
        return try #require(parsed as? SweepCommand, "\(arguments) is not sesim sweep")
    }

    /// What a job description must set for `system` among the variables
    /// sesim reads: the shard count, where the system does not give it.
    static func setByTheJob(_ system: ArrayJobSystem) -> Set<String> {
        Set(system.variables).subtracting(system.systemVariables)
            .subtracting(system.countVariable == nil ? [] : [Shard.countVariable])
    }

    /// The shards named by each task's environment cover 0..<count exactly once.
    static func expectEveryShardOnce(_ shards: [Shard], count: Int) {
        #expect(shards.map(\.index).sorted() == Array(0..<count))
        #expect(shards.allSatisfy { $0.count == count })
    }

    // MARK: Kubernetes

    /// What Kubernetes sets in each pod of an Indexed Job (Kubernetes'
    /// Job documentation, "Completion mode": "the environment variable
    /// JOB_COMPLETION_INDEX").
    static let kubernetesSets: Set = ["JOB_COMPLETION_INDEX"]

    @Test func theKubernetesIndexedJobProvidesWhatSesimReads() throws {
        let documents = Array(try Yams.load_all(yaml: try Self.text("deploy/kubernetes/sweep.yaml")))
        let claim = try #require(
            documents.compactMap { $0 as? [String: Any] }.first {
                $0["kind"] as? String == "PersistentVolumeClaim"
            })
        let claimSpec = try #require(claim["spec"] as? [String: Any])
        #expect(claimSpec["accessModes"] as? [String] == ["ReadWriteMany"])
        let claimName = try #require((claim["metadata"] as? [String: Any])?["name"] as? String)

        let job = try #require(
            documents.compactMap { $0 as? [String: Any] }.first { $0["kind"] as? String == "Job" })
        let spec = try #require(job["spec"] as? [String: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        let container = try Self.onlyContainer(spec)
        let environment = try Self.environment(container["env"])
        // Kubernetes sets the index in an Indexed Job; the manifest sets the rest.
        #expect(Set(ArrayJobSystem.kubernetes.systemVariables).isSubset(of: Self.kubernetesSets))
        #expect(Set(environment.keys) == Self.setByTheJob(.kubernetes))
        #expect(environment[Shard.countVariable] == String(completions))

        let command = try #require((container["args"] as? [String])?.first)
        let mounts = try Self.claimMounts(spec, container: container)
        #expect(mounts.values.allSatisfy { $0 == claimName })
        var shards: [Shard] = []
        for index in 0..<completions {
            var taskEnvironment = environment
            taskEnvironment["JOB_COMPLETION_INDEX"] = String(index)
            let detected = try #require(try Shard.detect(environment: taskEnvironment, count: nil))
            #expect(detected.source == ArrayJobSystem.kubernetes.indexVariable)
            shards.append(detected.shard)
            let sweep = try Self.sweep(try Self.sesimArguments(command, environment: taskEnvironment))
            #expect(sweep.out.hasSuffix("/shard-\(index)"))
            #expect(
                mounts.keys.contains { sweep.out.hasPrefix($0 + "/") },
                "\(sweep.out) is on the results volume")
            try Self.expectScenarioInImage(sweep.file)
        }
        Self.expectEveryShardOnce(shards, count: completions)

        let merge = try #require(
            try Yams.load(yaml: try Self.text("deploy/kubernetes/merge.yaml")) as? [String: Any])
        let mergeSpec = try #require(merge["spec"] as? [String: Any])
        let mergeContainer = try Self.onlyContainer(mergeSpec)
        #expect(try Self.claimMounts(mergeSpec, container: mergeContainer) == mounts)
        let mergeCommand = try #require((mergeContainer["args"] as? [String])?.first)
        let sweep = try Self.sweep(
            try Self.sesimArguments(command, environment: ["JOB_COMPLETION_INDEX": "0"]))
        try Self.expectMergeReadsTheShards(mergeCommand, shardFolder: sweep.out)
    }

    static func onlyContainer(_ jobSpec: [String: Any]) throws -> [String: Any] {
        let template = try #require((jobSpec["template"] as? [String: Any])?["spec"] as? [String: Any])
        let containers = try #require(template["containers"] as? [[String: Any]])
        try #require(containers.count == 1)
        return containers[0]
    }

    static func environment(_ value: Any?) throws -> [String: String] {
        var environment: [String: String] = [:]
        for entry in (value as? [[String: Any]]) ?? [] {
            let name = try #require(entry["name"] as? String)
            environment[name] = try #require(entry["value"] as? String, "\(name) has a literal value")
        }
        return environment
    }

    /// Mount path → claim name, for the container's volumes backed by a claim.
    static func claimMounts(_ jobSpec: [String: Any], container: [String: Any]) throws -> [String: String] {
        let template = try #require((jobSpec["template"] as? [String: Any])?["spec"] as? [String: Any])
        var claims: [String: String] = [:]
        for volume in (template["volumes"] as? [[String: Any]]) ?? [] {
            if let claim = (volume["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String {
                claims[try #require(volume["name"] as? String)] = claim
            }
        }
        var mounts: [String: String] = [:]
        for mount in (container["volumeMounts"] as? [[String: Any]]) ?? [] {
            let name = try #require(mount["name"] as? String)
            let claim: String = try #require(claims[name], "volume \(name) is a claim")
            mounts[try #require(mount["mountPath"] as? String)] = claim
        }
        return mounts
    }

    /// The image has the repository's scenarios/ at /scenarios (deploy/Containerfile).
    static func expectScenarioInImage(_ file: String) throws {
        let prefix = "/scenarios/"
        try #require(file.hasPrefix(prefix), "\(file)")
        let inRepository = root.appendingPathComponent("scenarios/" + file.dropFirst(prefix.count)).path
        #expect(FileManager.default.fileExists(atPath: inRepository), "\(inRepository)")
        #expect(try text("deploy/Containerfile").contains("COPY scenarios /scenarios"))
    }

    /// `command` is `sesim merge FOLDER/shard-* --out FOLDER/merged` for the
    /// folder holding `shardFolder`.
    static func expectMergeReadsTheShards(_ command: String, shardFolder: String) throws {
        let arguments = try sesimArguments(command, environment: [:])
        let merge = try #require(try SesimCommand.parseAsRoot(arguments) as? MergeCommand)
        let parent = (shardFolder as NSString).deletingLastPathComponent
        #expect(merge.directories == [parent + "/shard-*"])
        #expect(merge.out == parent + "/merged")
    }

    // MARK: Slurm

    /// The variables Slurm sets in each task of a job array (sbatch(1),
    /// OUTPUT ENVIRONMENT VARIABLES), with the values of task `id` of
    /// `--array=first-last:step`.
    static func slurmArrayEnvironment(id: Int, first: Int, last: Int, step: Int) -> [String: String] {
        let ids = Array(stride(from: first, through: last, by: step))
        return [
            "SLURM_ARRAY_JOB_ID": "41", "SLURM_ARRAY_TASK_ID": String(id),
            "SLURM_ARRAY_TASK_COUNT": String(ids.count), "SLURM_ARRAY_TASK_MAX": String(ids.last!),
            "SLURM_ARRAY_TASK_MIN": String(first), "SLURM_ARRAY_TASK_STEP": String(step),
        ]
    }

    @Test func theSlurmArrayProvidesWhatSesimReads() throws {
        let script = try Self.text("deploy/slurm/sweep.sbatch")
        let directives = Self.sbatchDirectives(script)
        let array = try #require(directives["array"])
        let bounds = array.split(separator: "-").compactMap { Int($0) }
        try #require(bounds.count == 2, "--array=\(array)")
        let slurmSets = Set(
            Self.slurmArrayEnvironment(id: bounds[0], first: bounds[0], last: bounds[1], step: 1).keys)
        // Slurm sets every variable sesim reads for it but the shard count
        // variable, which the script must not set: the array gives the count.
        #expect(Set(ArrayJobSystem.slurm.systemVariables).isSubset(of: slurmSets))
        #expect(Self.setByTheJob(.slurm).isEmpty)
        #expect(!Shard.environmentVariables.contains { script.contains("\($0)=") })
        #expect(directives["cpus-per-task"] != nil && script.contains("--jobs \"${SLURM_CPUS_PER_TASK"))

        // Run the script as each task of --array=1-8:2 would, with a sesim
        // that records its arguments.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sesim-sbatch-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = folder.appendingPathComponent("sesim").path
        try "#!/bin/sh\nprintf '%s\\n' \"$@\"\n".write(toFile: recorder, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: recorder)
        var shards: [Shard] = []
        for id in stride(from: 1, through: 8, by: 2) {
            var environment = Self.slurmArrayEnvironment(id: id, first: 1, last: 8, step: 2)
            environment["SLURM_CPUS_PER_TASK"] = "3"
            environment["SESIM"] = recorder
            environment["PATH"] = "/usr/bin:/bin"
            let (status, output) = try Self.runScript(
                "deploy/slurm/sweep.sbatch",
                arguments: ["scenarios/quickstart.yaml", "/shared/results", "--seeds", "1-40"],
                environment: environment)
            #expect(status == 0)
            let arguments = output.split(separator: "\n").map(String.init)
            let sweep = try Self.sweep(arguments)
            #expect(sweep.jobs == 3 && sweep.seeds == "1-40" && sweep.file == "scenarios/quickstart.yaml")
            #expect(sweep.out == "/shared/results/shard-\(id)")
            let detected = try #require(try Shard.detect(environment: environment, count: sweep.shards))
            #expect(detected.source == ArrayJobSystem.slurm.indexVariable)
            shards.append(detected.shard)
        }
        Self.expectEveryShardOnce(shards, count: 4)

        let merge = try Self.runScript(
            "deploy/slurm/merge.sbatch", arguments: ["/shared/results"],
            environment: ["SESIM": recorder, "PATH": "/usr/bin:/bin"])
        #expect(merge.status == 0)
        // The shell expands the glob: no shard folder exists here, so it stays as written.
        let parsed = try SesimCommand.parseAsRoot(merge.output.split(separator: "\n").map(String.init))
        let command = try #require(parsed as? MergeCommand)
        #expect(command.directories == ["/shared/results/shard-*"] && command.out == "/shared/results/merged")
    }

    /// The `#SBATCH --name=value` directives of `script`.
    static func sbatchDirectives(_ script: String) -> [String: String] {
        var directives: [String: String] = [:]
        for line in script.split(separator: "\n") where line.hasPrefix("#SBATCH --") {
            let option = line.dropFirst("#SBATCH --".count)
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            directives[parts[0]] = parts.count == 2 ? parts[1] : ""
        }
        return directives
    }

    static func runScript(_ path: String, arguments: [String], environment: [String: String]) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent(path).path] + arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: AWS Batch

    /// What AWS Batch sets in each child of an array job (AWS Batch User
    /// Guide, "AWS Batch job environment variables": the index, from 0, and
    /// the parent array job's size).
    static let awsBatchSets: Set = ["AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE"]

    static func jobDefinition(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("deploy/aws-batch/\(name)"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theAWSBatchArrayJobProvidesWhatSesimReads() throws {
        let definition = try Self.jobDefinition("sesim-sweep.json")
        let container = try #require(definition["containerProperties"] as? [String: Any])
        let environment = try Self.environment(container["environment"])
        // AWS Batch sets the index and the size in each child of an array
        // job: the definition sets nothing sesim reads.
        #expect(Set(ArrayJobSystem.awsBatch.systemVariables).isSubset(of: Self.awsBatchSets))
        #expect(Set(environment.keys) == Self.setByTheJob(.awsBatch))
        let submit = try Self.text("deploy/aws-batch/submit.sh")
        let size = try #require(
            submit.split(separator: "\n").first { $0.hasPrefix("SHARDS=${SHARDS:-") }.map {
                String($0.dropFirst("SHARDS=${SHARDS:-".count).dropLast())
            })
        #expect(submit.contains("--array-properties size=$SHARDS"))

        let command = try #require(container["command"] as? [String])
        try #require(command.count == 3 && command[0...1] == ["sh", "-c"])
        let mounts = try Self.efsMounts(container)
        var shards: [Shard] = []
        for index in 0..<(try #require(Int(size))) {
            var taskEnvironment = environment
            taskEnvironment["AWS_BATCH_JOB_ARRAY_INDEX"] = String(index)
            taskEnvironment["AWS_BATCH_JOB_ARRAY_SIZE"] = size
            let detected = try #require(try Shard.detect(environment: taskEnvironment, count: nil))
            #expect(detected.source == ArrayJobSystem.awsBatch.indexVariable)
            shards.append(detected.shard)
            let sweep = try Self.sweep(try Self.sesimArguments(command[2], environment: taskEnvironment))
            #expect(sweep.out.hasSuffix("/shard-\(index)"))
            #expect(mounts.keys.contains { sweep.out.hasPrefix($0 + "/") }, "\(sweep.out) is on EFS")
            try Self.expectScenarioInImage(sweep.file)
        }
        Self.expectEveryShardOnce(shards, count: Int(size)!)

        let merge = try Self.jobDefinition("sesim-merge.json")
        let mergeContainer = try #require(merge["containerProperties"] as? [String: Any])
        #expect(try Self.efsMounts(mergeContainer) == mounts)
        let mergeCommand = try #require(mergeContainer["command"] as? [String])
        let sweep = try Self.sweep(
            try Self.sesimArguments(command[2], environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "0"]))
        try Self.expectMergeReadsTheShards(mergeCommand[2], shardFolder: sweep.out)
    }

    /// Container path → EFS file system id, for the container's mount points.
    static func efsMounts(_ container: [String: Any]) throws -> [String: String] {
        var systems: [String: String] = [:]
        for volume in (container["volumes"] as? [[String: Any]]) ?? [] {
            if let id = (volume["efsVolumeConfiguration"] as? [String: Any])?["fileSystemId"] as? String {
                systems[try #require(volume["name"] as? String)] = id
            }
        }
        var mounts: [String: String] = [:]
        for mount in (container["mountPoints"] as? [[String: Any]]) ?? [] {
            let source = try #require(mount["sourceVolume"] as? String)
            let system: String = try #require(systems[source], "volume \(source) is on EFS")
            mounts[try #require(mount["containerPath"] as? String)] = system
        }
        return mounts
    }

    /// botocore's model of RegisterJobDefinition accepts both files as
    /// `aws batch register-job-definition --cli-input-json` input (run
    /// where Python's botocore is installed).
    @Test(.enabled(if: Self.botocoreIsInstalled, "needs python3 with botocore"))
    func theAWSBatchJobDefinitionsMatchTheAPIModel() throws {
        let check = """
            import json, sys, botocore.session
            from botocore.validate import ParamValidator
            shape = botocore.session.get_session().get_service_model('batch') \\
                .operation_model('RegisterJobDefinition').input_shape
            for path in sys.argv[1:]:
                report = ParamValidator().validate(json.load(open(path)), shape).generate_report()
                print(path, report or 'valid')
            """
        let folder = Self.root.appendingPathComponent("deploy/aws-batch")
        let result = try Self.python(
            [
                "-c", check, folder.appendingPathComponent("sesim-sweep.json").path,
                folder.appendingPathComponent("sesim-merge.json").path,
            ])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.hasSuffix(" valid") }, "\(result.output)")
    }

    static let botocoreIsInstalled = (try? python(["-c", "import botocore"]).status) == 0

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

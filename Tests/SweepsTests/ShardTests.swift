import Runner
import ScenarioFormat
import ScenarioTesting
import SimJSON
import Testing

@testable import Sweeps

@Suite("Shards")
struct ShardTests {
    @Test(arguments: [(1, 1), (10, 3), (200, 4), (7, 7), (5, 8), (1_000, 13)])
    func shardsCoverEveryReplicationExactlyOnce(total: Int, count: Int) throws {
        var seen = [Int](repeating: 0, count: total)
        for index in 0..<count {
            let shard = try Shard(index: index, count: count)
            for replication in shard.replications(of: total) {
                seen[replication] += 1
                #expect(shard.contains(replication: replication))
            }
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }

    @Test func parsesIndexAndCount() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(throws: SweepError.self) { try Shard(parsing: "4/4") }
        #expect(throws: SweepError.self) { try Shard(parsing: "0/0") }
        #expect(throws: SweepError.self) { try Shard(parsing: "1-4") }
        #expect(throws: SweepError.self) { try Shard(parsing: "-1/4") }
    }

    @Test func noArrayJobMeansNoShard() throws {
        #expect(try Shard.detect(environment: ["HOME": "/root"], count: nil) == nil)
        #expect(throws: SweepError.self) { try Shard.detect(environment: [:], count: 4) }
    }

    @Test func kubernetesIndexedJobs() throws {
        let detected = try #require(
            try Shard.detect(environment: ["JOB_COMPLETION_INDEX": "3", "SESIM_SHARDS": "8"], count: nil))
        #expect(detected.shard == (try Shard(index: 3, count: 8)))
        #expect(detected.source == "JOB_COMPLETION_INDEX")
        #expect(
            try Shard.detect(environment: ["JOB_COMPLETION_INDEX": "3"], count: 4)?.shard
                == Shard(index: 3, count: 4))
        #expect {
            try Shard.detect(environment: ["JOB_COMPLETION_INDEX": "3"], count: nil)
        } throws: { error in
            (error as? SweepError)?.message.contains("--shards N or set SESIM_SHARDS") == true
        }
        #expect(throws: SweepError.self) {
            try Shard.detect(environment: ["JOB_COMPLETION_INDEX": "8", "SESIM_SHARDS": "8"], count: nil)
        }
        #expect(throws: SweepError.self) {
            try Shard.detect(environment: ["JOB_COMPLETION_INDEX": "x", "SESIM_SHARDS": "8"], count: nil)
        }
    }

    @Test func slurmJobArrays() throws {
        let environment = [
            "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
        ]
        #expect(try Shard.detect(environment: environment, count: nil)?.shard == Shard(index: 2, count: 4))
        // --array=1-4: ids counted from the minimum.
        let fromOne = [
            "SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
        ]
        #expect(try Shard.detect(environment: fromOne, count: nil)?.shard == Shard(index: 3, count: 4))
        // --array=0-12:4: ids 0, 4, 8, 12.
        let stepped = [
            "SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "0",
            "SLURM_ARRAY_TASK_STEP": "4",
        ]
        #expect(try Shard.detect(environment: stepped, count: nil)?.shard == Shard(index: 2, count: 4))
        #expect(throws: SweepError.self) {
            try Shard.detect(environment: ["SLURM_ARRAY_TASK_ID": "2"], count: nil)
        }
        #expect(
            try Shard.detect(environment: ["SLURM_ARRAY_TASK_ID": "2"], count: 3)?.shard
                == Shard(index: 2, count: 3))
    }

    @Test func awsBatchArrayJobs() throws {
        let environment = ["AWS_BATCH_JOB_ARRAY_INDEX": "0", "SESIM_SHARDS": "2"]
        let detected = try #require(try Shard.detect(environment: environment, count: nil))
        #expect(detected.shard == (try Shard(index: 0, count: 2)))
        #expect(detected.source == "AWS_BATCH_JOB_ARRAY_INDEX")
        #expect {
            try Shard.detect(environment: ["AWS_BATCH_JOB_ARRAY_INDEX": "1"], count: nil)
        } throws: { error in
            (error as? SweepError)?.message
                == "AWS_BATCH_JOB_ARRAY_INDEX is set (an AWS Batch array job) but AWS_BATCH_JOB_ARRAY_SIZE is not: "
                + "pass --shards N or set SESIM_SHARDS=N"
        }
        // AWS Batch gives each child the array's size; SESIM_SHARDS or --shards override it.
        let sized = ["AWS_BATCH_JOB_ARRAY_INDEX": "5", "AWS_BATCH_JOB_ARRAY_SIZE": "8"]
        #expect(try Shard.detect(environment: sized, count: nil)?.shard == Shard(index: 5, count: 8))
        #expect(throws: SweepError.self) {
            try Shard.detect(environment: sized.merging(["SESIM_SHARDS": "4"]) { $1 }, count: nil)
        }
    }

    @Test func theVariablesReadAreThoseOfTheArrayJobSystems() throws {
        #expect(
            Shard.environmentVariables == [
                "JOB_COMPLETION_INDEX", "SESIM_SHARDS", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN",
                "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT", "AWS_BATCH_JOB_ARRAY_INDEX",
                "AWS_BATCH_JOB_ARRAY_SIZE",
            ])
        // Each variable detect reads changes its answer.
        let base = [
            "SLURM_ARRAY_TASK_ID": "6", "SLURM_ARRAY_TASK_MIN": "2", "SLURM_ARRAY_TASK_STEP": "2",
            "SLURM_ARRAY_TASK_COUNT": "4",
        ]
        let expected = try Shard(index: 2, count: 4)
        #expect(try Shard.detect(environment: base, count: nil)?.shard == expected)
        for name in ["SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT"] {
            var changed = base
            changed[name] = name == "SLURM_ARRAY_TASK_COUNT" ? "5" : "0"
            #expect(
                (try? Shard.detect(environment: changed, count: nil)?.shard) != expected,
                "\(name)")
        }
    }
}

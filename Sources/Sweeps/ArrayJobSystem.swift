/// A batch system whose array jobs `sesim sweep` takes its shard from, and
/// the environment variables it reads for it. ``Shard/detect(environment:count:)``
/// reads exactly these variables, in ``Shard/arrayJobSystems`` order, so the
/// list is also what a job description must provide (the deploy/ files are
/// tested against it).
public struct ArrayJobSystem: Hashable, Sendable {
    /// The system, for messages: "a Kubernetes Indexed Job".
    public let name: String
    /// The variable the system sets to the task's index.
    public let indexVariable: String
    /// The variable giving the first index of the array, when indices may
    /// start elsewhere than 0 (Slurm's `--array=1-8`).
    public let firstIndexVariable: String?
    /// The variable giving the step between indices (Slurm's `--array=0-12:4`).
    public let stepVariable: String?
    /// The variable in which the system itself gives the task count, if it
    /// does; otherwise the count comes from `--shards` or ``Shard/countVariable``.
    public let countVariable: String?

    /// Every variable sesim reads for this system: the index, first index,
    /// step and count the system sets, then ``Shard/countVariable``, which
    /// the job description sets.
    public var variables: [String] {
        [indexVariable, firstIndexVariable, stepVariable, countVariable].compactMap { $0 } + [
            Shard.countVariable
        ]
    }

    /// The variables the system itself sets in each task.
    public var systemVariables: [String] {
        [indexVariable, firstIndexVariable, stepVariable, countVariable].compactMap { $0 }
    }
}

extension ArrayJobSystem {
    /// Kubernetes Indexed Jobs (`completionMode: Indexed`): pod I of
    /// `completions` gets `JOB_COMPLETION_INDEX=I`.
    public static let kubernetes = ArrayJobSystem(
        name: "a Kubernetes Indexed Job", indexVariable: "JOB_COMPLETION_INDEX", firstIndexVariable: nil,
        stepVariable: nil, countVariable: nil)
    /// Slurm job arrays (`sbatch --array=A-B[:S]`).
    public static let slurm = ArrayJobSystem(
        name: "a Slurm job array", indexVariable: "SLURM_ARRAY_TASK_ID",
        firstIndexVariable: "SLURM_ARRAY_TASK_MIN", stepVariable: "SLURM_ARRAY_TASK_STEP",
        countVariable: "SLURM_ARRAY_TASK_COUNT")
    /// AWS Batch array jobs (`--array-properties size=N`): child I gets
    /// `AWS_BATCH_JOB_ARRAY_INDEX=I` and `AWS_BATCH_JOB_ARRAY_SIZE=N` (AWS
    /// Batch User Guide, "AWS Batch job environment variables").
    public static let awsBatch = ArrayJobSystem(
        name: "an AWS Batch array job", indexVariable: "AWS_BATCH_JOB_ARRAY_INDEX", firstIndexVariable: nil,
        stepVariable: nil, countVariable: "AWS_BATCH_JOB_ARRAY_SIZE")
}

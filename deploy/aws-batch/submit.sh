#!/bin/sh
# Registers the two job definitions and submits the sweep as an array job of
# SHARDS children and the merge after it (a dependency on an array job waits
# for all its children). Run from this folder with the AWS CLI configured.
#
#   QUEUE=my-queue sh submit.sh
#
# QUEUE    the job queue (of an EC2 compute environment that can mount the EFS
#          file system: same VPC, a mount target in the subnets, NFS allowed by
#          the security groups).
# SHARDS   the array size, the shard count: AWS Batch gives each child its
#          index (AWS_BATCH_JOB_ARRAY_INDEX) and the size (AWS_BATCH_JOB_ARRAY_SIZE).
# Placeholders in the JSON files: the image (an ECR repository holding the
# image built from deploy/Containerfile) and the EFS fileSystemId.
set -eu
QUEUE=${QUEUE:-sesim}
SHARDS=${SHARDS:-8}
aws batch register-job-definition --cli-input-json file://sesim-sweep.json
aws batch register-job-definition --cli-input-json file://sesim-merge.json
sweep=$(aws batch submit-job --job-name sesim-sweep --job-queue "$QUEUE" --job-definition sesim-sweep \
    --array-properties size=$SHARDS --query jobId --output text)
aws batch submit-job --job-name sesim-merge --job-queue "$QUEUE" --job-definition sesim-merge \
    --depends-on jobId="$sweep"

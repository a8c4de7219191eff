#!/bin/bash
# Submit the shard array, then the merge once every array task has succeeded.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p parts
array=$(sbatch --parsable deploy/slurm/shards.sbatch)
sbatch --dependency="afterok:${array}" deploy/slurm/merge.sbatch

#!/bin/bash
# Submits the shard array, then the merge, which starts only when every array task has succeeded.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
array=$(sbatch --parsable table-array.sbatch)
sbatch --dependency="afterok:${array}" merge.sbatch

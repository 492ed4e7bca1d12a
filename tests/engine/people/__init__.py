"""A kind of annotation made only for the tests: proof that a new unit needs no change anywhere else."""

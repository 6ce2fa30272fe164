// The scanner tests measure lateness in real time on a small machine: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

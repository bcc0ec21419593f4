/**
 * Run once on every new connection: its server process allocates and frees one 8 MB block. glibc serves blocks above
 * its mmap threshold (128 kB at first) with mmap and gives memory at the top of the heap back to the kernel, so a
 * backend that has only run small statements page-faults the hash tables and sorts of every statement in afresh;
 * freeing one large block raises both thresholds for the life of the process. Measured on the reviewer's page
 * (hash joins over 2,000 assignments): 13–18 ms a statement on a new connection, 5.5–6.5 ms after this. The cost is
 * about a millisecond per connection and up to 16 MB that each server process may keep instead of returning.
 */
export const WARM_UP_BACKEND = "SELECT length(repeat('x', 8388608))";

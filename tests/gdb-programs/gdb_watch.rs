// A watchpoint on a local: gdb stops at each change with the old and new value, and says when
// the variable goes out of scope.

//@ gdb-command: break gdb_watch::accumulate
//@ gdb-command: run
//@ gdb-command: next
//@ gdb-command: watch acc
//@ gdb-command: continue
//@ gdb-command: continue
//@ gdb-command: continue
//@ gdb-command: continue
//@ gdb-command: continue

fn accumulate(values: &[u32]) -> u32 {
    let mut acc = 0;
    for &v in values {
        acc += v;
    }
    acc
}

fn main() {
    std::hint::black_box(accumulate(&[5, 6, 7]));
}

//@ gdb-check: Hardware watchpoint 2: acc
//@ gdb-check: Old value = 0
//@ gdb-check: New value = 5
//@ gdb-check: Old value = 5
//@ gdb-check: New value = 11
//@ gdb-check: Old value = 11
//@ gdb-check: New value = 18
//@ gdb-check: Watchpoint 2 deleted because the program has left the block in
//@ gdb-check: in gdb_watch::main () at tests/gdb-programs/gdb_watch.rs:23
//@ gdb-check: [Inferior 1 (process N) exited normally]

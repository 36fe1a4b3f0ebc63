// At -Copt-level=1, an `#[inline(always)]` function inlined into its caller is still a frame of
// its own in `bt`, and a breakpoint on it stops at the inlined copy.

//@ compile-flags: -Copt-level=1
//@ gdb-command: break gdb_inline::scale
//@ gdb-command: run
//@ gdb-command: bt
//@ gdb-command: info frame
//@ gdb-command: finish

#[inline(always)]
fn scale(x: u64) -> u64 {
    x * 3 + x / 7
}

#[inline(never)]
fn compute(n: u64) -> u64 {
    scale(n) + 1
}

fn main() {
    std::hint::black_box(compute(std::hint::black_box(14)));
}

//@ gdb-check: Breakpoint 1, gdb_inline::scale (x=14) at tests/gdb-programs/gdb_inline.rs:13
//@ gdb-check: #0  gdb_inline::scale (x=14) at tests/gdb-programs/gdb_inline.rs:13
//@ gdb-check: #1  gdb_inline::compute (n=14) at tests/gdb-programs/gdb_inline.rs:18
//@ gdb-check: #2  0xADDR in gdb_inline::main () at tests/gdb-programs/gdb_inline.rs:22
//@ gdb-check: inlined into frame 1
//@ gdb-check: gdb_inline::compute (n=<optimized out>) at tests/gdb-programs/gdb_inline.rs:18

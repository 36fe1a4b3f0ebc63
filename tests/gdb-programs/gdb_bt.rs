// `bt` through recursion and a chain of calls: frames with their arguments.

//@ gdb-command: break gdb_bt::leaf
//@ gdb-command: run
//@ gdb-command: bt
//@ gdb-command: up 2
//@ gdb-command: info args
//@ gdb-command: frame
//@ gdb-command: down
//@ gdb-command: bt 3

#[inline(never)]
fn leaf(depth: u32, label: &str) -> u32 {
    std::hint::black_box(label.len() as u32 + depth)
}

fn outer(n: u32) -> u32 {
    if n == 0 { leaf(n, "bottom") } else { outer(n - 1) + 1 }
}

fn main() {
    std::hint::black_box(outer(3));
}

//@ gdb-check: #0  gdb_bt::leaf (depth=0, label="bottom") at tests/gdb-programs/gdb_bt.rs:14
//@ gdb-check: #1  0xADDR in gdb_bt::outer (n=0) at tests/gdb-programs/gdb_bt.rs:18
//@ gdb-check: #4  0xADDR in gdb_bt::outer (n=3) at tests/gdb-programs/gdb_bt.rs:18
//@ gdb-check: #5  0xADDR in gdb_bt::main () at tests/gdb-programs/gdb_bt.rs:22
//@ gdb-check: #2  0xADDR in gdb_bt::outer (n=1)
//@ gdb-check: n = 1
//@ gdb-check: #1  0xADDR in gdb_bt::outer (n=0)
//@ gdb-check: #2  0xADDR in gdb_bt::outer (n=1) at tests/gdb-programs/gdb_bt.rs:18

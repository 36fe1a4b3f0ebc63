// A breakpoint by file and line, locals at it, and the program running to its end.

//@ gdb-command: break gdb_basic.rs:13
//@ gdb-command: run
//@ gdb-command: print a
//@ gdb-command: print b
//@ gdb-command: print a + b * 2
//@ gdb-command: continue

fn main() {
    let a = 5;
    let b: u32 = 7;
    std::hint::black_box(a + b);
}

//@ gdb-check: Breakpoint 1 at 0xADDR: file tests/gdb-programs/gdb_basic.rs, line 13.
//@ gdb-check: Breakpoint 1, gdb_basic::main () at tests/gdb-programs/gdb_basic.rs:13
//@ gdb-check: 13	    std::hint::black_box(a + b);
//@ gdb-check: $1 = 5
//@ gdb-check: $2 = 7
//@ gdb-check: $3 = 19
//@ gdb-check: [Inferior 1 (process N) exited normally]

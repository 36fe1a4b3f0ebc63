// A function returning `!`: the backtrace into it, and the program's exit code from it.

//@ gdb-command: break gdb_never::fail
//@ gdb-command: run
//@ gdb-command: bt
//@ gdb-command: info args
//@ gdb-command: continue

fn fail(code: i32) -> ! {
    std::process::exit(code)
}

fn check(v: u8) -> u8 {
    if v > 3 { fail(v as i32) } else { v }
}

fn main() {
    std::hint::black_box(check(std::hint::black_box(5)));
}

//@ gdb-check: Breakpoint 1, gdb_never::fail (code=5) at tests/gdb-programs/gdb_never.rs:10
//@ gdb-check: #0  gdb_never::fail (code=5) at tests/gdb-programs/gdb_never.rs:10
//@ gdb-check: #1  0xADDR in gdb_never::check (v=5) at tests/gdb-programs/gdb_never.rs:14
//@ gdb-check: #2  0xADDR in gdb_never::main () at tests/gdb-programs/gdb_never.rs:18
//@ gdb-check: code = 5
//@ gdb-check: [Inferior 1 (process N) exited with code 05]

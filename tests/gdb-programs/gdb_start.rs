// `start` stops in the program's Rust `main`, which DWARF marks as the main subprogram
// (`DW_AT_main_subprogram`); gdb also takes the language from it.

//@ gdb-command: start
//@ gdb-command: show language
//@ gdb-command: next
//@ gdb-command: print greeting

fn main() {
    let greeting = "hello";
    std::hint::black_box(greeting);
}

//@ gdb-check: Temporary breakpoint 1 at 0xADDR: file tests/gdb-programs/gdb_start.rs, line 10.
//@ gdb-check: Temporary breakpoint 1, gdb_start::main () at tests/gdb-programs/gdb_start.rs:10
//@ gdb-check: The current source language is "auto; currently rust".
//@ gdb-check: $1 = "hello"

// Lexical scopes: a shadowed variable and block locals. `info locals` lists what is in scope at
// each stop (innermost first, shadowed bindings too), and `print` picks the innermost.

//@ gdb-command: break gdb_scopes.rs:22
//@ gdb-command: break gdb_scopes.rs:27
//@ gdb-command: break gdb_scopes.rs:29
//@ gdb-command: run
//@ gdb-command: info locals
//@ gdb-command: print x
//@ gdb-command: continue
//@ gdb-command: info locals
//@ gdb-command: print x
//@ gdb-command: print inner
//@ gdb-command: continue
//@ gdb-command: info locals
//@ gdb-command: print x
//@ gdb-command: print inner

fn main() {
    let x = 1u8;
    let y = x + 1;
    std::hint::black_box(y);
    let x = "shadowed";
    {
        let inner = x.len() as i16;
        let x = inner * 10;
        std::hint::black_box(x);
    }
    std::hint::black_box(x);
}

//@ gdb-check: Breakpoint 1, gdb_scopes::main () at tests/gdb-programs/gdb_scopes.rs:22
//@ gdb-check: y = 2
//@ gdb-check: x = 1
//@ gdb-check: $1 = 1
//@ gdb-check: Breakpoint 2, gdb_scopes::main () at tests/gdb-programs/gdb_scopes.rs:27
//@ gdb-check: x = 80
//@ gdb-check: inner = 8
//@ gdb-check: x = "shadowed"
//@ gdb-check: y = 2
//@ gdb-check: x = 1
//@ gdb-check: $2 = 80
//@ gdb-check: $3 = 8
//@ gdb-check: Breakpoint 3, gdb_scopes::main () at tests/gdb-programs/gdb_scopes.rs:29
//@ gdb-check: x = "shadowed"
//@ gdb-check: y = 2
//@ gdb-check: x = 1
//@ gdb-check: $4 = "shadowed"
//@ gdb-check: No symbol 'inner' in current context

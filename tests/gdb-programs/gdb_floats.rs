// Floating point, bool and char values.

//@ gdb-command: break gdb_floats.rs:24
//@ gdb-command: run
//@ gdb-command: info locals
//@ gdb-command: print f32_v
//@ gdb-command: print f64_v * 2
//@ gdb-command: print yes
//@ gdb-command: print !no
//@ gdb-command: print letter
//@ gdb-command: print crab
//@ gdb-command: ptype crab

fn main() {
    let f32_v: f32 = 1.5;
    let f64_v: f64 = -2.25;
    let tiny: f64 = 1e-300;
    let inf: f32 = f32::INFINITY;
    let yes = true;
    let no = false;
    let letter = 'q';
    let crab = '🦀';
    let nul = '\0';
    std::hint::black_box((f32_v, f64_v, tiny, inf, yes, no, letter, crab, nul));
}

//@ gdb-check: nul = 0 '\0'
//@ gdb-check: crab = 129408 '\u{01f980}'
//@ gdb-check: letter = 113 'q'
//@ gdb-check: no = false
//@ gdb-check: yes = true
//@ gdb-check: inf = inf
//@ gdb-check: tiny = 1e-300
//@ gdb-check: f64_v = -2.25
//@ gdb-check: f32_v = 1.5
//@ gdb-check: $1 = 1.5
//@ gdb-check: $2 = -4.5
//@ gdb-check: $3 = true
//@ gdb-check: $4 = true
//@ gdb-check: $5 = 113 'q'
//@ gdb-check: $6 = 129408 '\u{01f980}'
//@ gdb-check: type = char

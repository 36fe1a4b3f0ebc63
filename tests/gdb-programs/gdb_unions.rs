// Unions: every field of one is shown, as overlapping reinterpretations.

//@ gdb-command: break gdb_unions.rs:29
//@ gdb-command: run
//@ gdb-command: print bits
//@ gdb-command: print bits.f
//@ gdb-command: print/d bits.u
//@ gdb-command: print small
//@ gdb-command: ptype bits
//@ gdb-command: ptype IntOrPair

#[derive(Clone, Copy)]
#[repr(C)]
union FloatBits {
    f: f32,
    u: u32,
    bytes: [u8; 4],
}

#[derive(Clone, Copy)]
union IntOrPair {
    whole: u16,
    halves: (u8, u8),
}

fn main() {
    let bits = FloatBits { f: 1.0 };
    let small = IntOrPair { whole: 0x0102 };
    std::hint::black_box((bits, small));
}

//@ gdb-check: $1 = gdb_unions::FloatBits {f: 1, u: 1065353216, bytes: [0, 0, 128, 63]}
//@ gdb-check: $2 = 1
//@ gdb-check: $3 = 1065353216
//@ gdb-check: $4 = gdb_unions::IntOrPair {whole: 258, halves: (2, 1)}
//@ gdb-check: type = union gdb_unions::FloatBits {
//@ gdb-check: f: f32,
//@ gdb-check: u: u32,
//@ gdb-check: bytes: [u8; 4],
//@ gdb-check: type = union gdb_unions::IntOrPair {
//@ gdb-check: whole: u16,
//@ gdb-check: halves: (u8, u8),

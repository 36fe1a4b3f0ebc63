//@ check-diag
// Inline assembly is not implemented yet: our backend must reject it with a clean error (no ICE).
// When asm! support lands, turn this into a run-pass test (e.g. asm_basic.rs).
fn main() {
    unsafe { core::arch::asm!("nop"); }
    println!("done");
}
//~ ERROR inline assembly
//~ ERROR not yet supported

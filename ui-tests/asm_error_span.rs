//@ check-diag
//@ builtin-fails: the assembler rejects the instruction there too (exit 1)
// An assembler error in an `asm!` block is reported at the template line it comes from, with
// the assembled line in a note, exactly as the built-in backend reports it (asm_error_span.stderr
// is the built-in backend's stderr).
use std::arch::asm;

fn main() {
    unsafe {
        asm!("nop", "bogus_instr {0:r}", in(reg) 5u64);
    }
}

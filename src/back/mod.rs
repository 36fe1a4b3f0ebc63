//! What happens after a CGU's IR exists: target machines, optimization, emission.

pub mod bitcode;
pub mod cpu_features;
pub mod init_array;
pub mod inline_asm_diagnostics;
pub mod instrument;
pub mod lto;
pub mod optimize;
pub mod print;
pub mod sections;
pub mod target_features;
pub mod target_machine;
pub mod write;

//! What happens after a CGU's IR exists: target machines, optimization, emission.

pub mod bitcode;
pub mod optimize;
pub mod target_features;
pub mod target_machine;
pub mod write;

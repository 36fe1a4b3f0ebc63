//@ check-diag
//@ compile-flags: -Zsanitizer=dataflow -Cunsafe-allow-abi-mismatch=sanitizer
//@ error-pattern: the dataflow sanitizer
// DataFlowSanitizer (like CFI and KCFI) is not implemented yet: it must give a clean error that
// names it. Address, memory, thread, leak, safestack and realtime are supported (tests/instrument.rs).
fn main() {
    println!("hello");
}

//@ check-diag
//@ compile-flags: -Zllvm-time-trace
//@ error-pattern: -Zllvm-time-trace
// LLVM's time-trace profiler is only reachable through its C++ API.
fn main() {
    println!("hello");
}

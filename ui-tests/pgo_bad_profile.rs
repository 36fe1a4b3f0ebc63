//@ check-diag
//@ compile-flags: -Cprofile-use=ui-tests/pgo_bad_profile.rs
//@ error-pattern: invalid instrumentation profile data
// A file that is not an indexed profile (this source file) must give a rustc error naming the
// problem, not end the process from inside LLVM. (The built-in backend only warns and ignores
// the profile.)
fn main() {
    println!("hello");
}

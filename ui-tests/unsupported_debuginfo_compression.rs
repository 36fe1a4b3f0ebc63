//@ check-diag
//@ compile-flags: -Zdebuginfo-compression=zlib -Cdebuginfo=1
//@ error-pattern: -Zdebuginfo-compression
// Compressed debug sections are an MC option the C API cannot set.
fn main() {
    println!("hello");
}

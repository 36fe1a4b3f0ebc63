//@ compile-flags: -Cpanic=abort
// A #![no_std] #![no_main] program: C `main` defined in Rust, output through libc printf and
// write(2), a #[panic_handler], and core-only code (fmt into a stack buffer, iterators, slices).
#![no_std]
#![no_main]

use core::fmt::Write;

#[link(name = "c")]
unsafe extern "C" {
    fn printf(fmt: *const u8, ...) -> i32;
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
    fn exit(code: i32) -> !;
}

// core is built with unwinding tables that reference the personality routine; with panic=abort
// nothing calls it, but the symbol must exist at link time.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { unsafe { exit(99) } }

struct Buf { data: [u8; 128], len: usize }
impl Write for Buf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let b = s.as_bytes();
        if self.len + b.len() > self.data.len() { return Err(core::fmt::Error); }
        self.data[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        Ok(())
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn main(argc: i32, _argv: *const *const u8) -> i32 {
    unsafe {
        printf(c"hello from no_std, argc=%d\n".as_ptr().cast(), argc);
        let total: u64 = (1..=100u64).filter(|x| x % 3 == 0).sum();
        printf(c"sum %llu, %s, %.3f\n".as_ptr().cast(), total, c"cstr".as_ptr(), 2.0f64 / 3.0);
        let mut b = Buf { data: [0; 128], len: 0 };
        let _ = write!(b, "core fmt: {:?} {:x} {}\n", [1u8, 2, 3], 48879, -1.5f32);
        // printf buffers stdout; flush it before write(2) bypasses the buffer.
        libc_flush();
        write(1, b.data.as_ptr(), b.len);
        let arr = [5i32, -3, 9, 0];
        let max = arr.iter().copied().max().unwrap_or(0);
        printf(c"max %d min %d\n".as_ptr().cast(), max, arr.iter().copied().min().unwrap_or(0));
    }
    0
}

unsafe extern "C" {
    fn fflush(f: *mut u8) -> i32;
}
fn libc_flush() { unsafe { fflush(core::ptr::null_mut()); } }

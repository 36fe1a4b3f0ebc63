// Rust-ABI functions of every kind of signature, in a library that abi.rs builds with one backend
// and calls from abi_rust_main.rs built with the other.

#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair { pub a: f32, pub b: f32 }
#[repr(C)]
#[derive(Debug, Clone, PartialEq)]
pub struct Mixed { pub x: u8, pub y: f64, pub z: u16 }
#[derive(Debug, Clone, PartialEq)]
pub struct Large { pub words: [u64; 5], pub tag: char }
#[derive(Debug, Clone, PartialEq)]
pub enum Shape { Circle(f64), Rect { w: u32, h: u32 }, Empty }

pub trait Speak { fn speak(&self, times: usize) -> String; }
pub struct Dog(pub &'static str);
impl Speak for Dog { fn speak(&self, times: usize) -> String { self.0.repeat(times) } }

#[inline(never)] pub fn ints(a: u8, b: i16, c: u32, d: i64, e: u128, f: i128, g: usize, h: bool, i: char) -> u128 {
    [b as u128, c as u128, d as u128, e, f as u128, g as u128, h as u128, i as u128].iter().fold(a as u128, |s, &x| s.wrapping_add(x))
}
#[inline(never)] pub fn floats(a: f32, b: f64, c: f32, d: f64) -> (f32, f64) { (a * c, b / d) }
#[inline(never)] pub fn pair(p: Pair) -> Pair { Pair { a: p.b, b: p.a + 1.0 } }
#[inline(never)] pub fn mixed(m: Mixed) -> Mixed { Mixed { x: m.x + 1, y: m.y * 2.0, z: m.z - 1 } }
#[inline(never)] pub fn large(l: Large) -> Large { Large { words: l.words.map(|w| w * 2), tag: 'é' } }
#[inline(never)] pub fn tuple(t: (u8, u64, f32)) -> (f32, u8, u64) { (t.2, t.0, t.1) }
#[inline(never)] pub fn arrays(a: [u8; 3], b: [u64; 4]) -> [u16; 3] { [a[0] as u16 + b[0] as u16, a[1] as u16, b[3] as u16] }
#[inline(never)] pub fn option(o: Option<u64>, n: Option<&u32>) -> Option<u64> { o.map(|v| v + *n.unwrap_or(&0) as u64) }
#[inline(never)] pub fn result(r: Result<String, u32>) -> Result<usize, String> { r.map(|s| s.len()).map_err(|e| e.to_string()) }
#[inline(never)] pub fn shape(s: &Shape) -> Shape {
    match *s { Shape::Circle(r) => Shape::Rect { w: r as u32, h: 1 }, Shape::Rect { w, h } => Shape::Circle((w * h) as f64), Shape::Empty => Shape::Empty }
}
#[inline(never)] pub fn strings(s: &str, v: Vec<u32>, owned: String) -> (String, usize) { (format!("{s}{owned}"), v.iter().sum::<u32>() as usize) }
#[inline(never)] pub fn slices(s: &[i16], m: &mut [u8]) -> i32 { m.reverse(); s.iter().map(|&x| x as i32).sum() }
#[inline(never)] pub fn dynamic(d: &dyn Speak, f: &dyn Fn(u32) -> u32, b: Box<dyn Fn(&str) -> String>) -> String {
    format!("{} {} {}", d.speak(2), f(20), b("boxed"))
}
#[inline(never)] pub fn boxed() -> Box<dyn Speak> { Box::new(Dog("woof")) }
#[inline(never)] pub fn unit_and_never(x: ()) -> () { x }
#[inline(never)] pub fn panics(why: &str) -> u32 { panic!("lib panics: {why}") }
#[track_caller] #[inline(never)] pub fn caller_line() -> u32 { std::panic::Location::caller().line() }
#[inline(never)] pub extern "C" fn c_abi(a: Pair, b: Mixed) -> f64 { a.a as f64 + b.y }
#[inline(never)] pub extern "C-unwind" fn c_unwind_panics() { panic!("through C-unwind") }

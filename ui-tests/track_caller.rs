// #[track_caller] and Location::caller through generic and nested calls, #[inline(never)] and
// #[cold] functions, and closures; line/column numbers must match the built-in backend.
use std::panic::Location;

#[track_caller]
fn whereami() -> String { let l = Location::caller(); format!("{}:{}", l.line(), l.column()) }

#[track_caller]
fn nested() -> String { whereami() }

#[track_caller]
#[inline(never)]
fn generic<T: std::fmt::Debug>(t: T) -> String { format!("{t:?} at {}", Location::caller().line()) }

#[cold]
#[inline(never)]
fn cold() -> String { whereami() }

fn main() {
    println!("{}", whereami());
    println!("{}", nested());
    println!("{}", generic(1u8));
    println!("{}", generic("s"));
    println!("{}", cold());
    let f = || whereami();
    println!("{}", f());
    let fp: fn() -> String = whereami;
    println!("{}", fp());
    println!("{}", Location::caller().file());
}

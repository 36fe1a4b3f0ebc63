//@ run-fail
//@ exit-status: 101
// unwrap/expect on None and Err panic with the standard messages (including the Debug of the
// error); the final uncaught one exits with 101.
use std::hint::black_box as bb;
use std::panic::catch_unwind;

fn main() {
    println!("{}", catch_unwind(|| bb(None::<u8>).expect("custom expect message")).is_err());
    println!("{}", catch_unwind(|| bb(Err::<u8, _>("bad thing")).unwrap()).is_err());
    println!("{}", catch_unwind(|| "x1".parse::<i32>().unwrap()).is_err());
    println!("{}", catch_unwind(|| assert_eq!(bb(1 + 1), 3, "math is {}", "hard")).is_err());
    println!("{}", catch_unwind(|| unreachable!("state {}", bb(7))).is_err());
    println!("{:?}", bb(Some(4)).unwrap());
    let o: Option<String> = bb(None);
    println!("{}", o.unwrap());
}

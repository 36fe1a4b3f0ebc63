// Error handling: ? on Result and Option, From conversions for error types, Box<dyn Error>,
// map_err/and_then/or_else/unwrap_or_default chains, collecting into Result, custom Error impls.
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum AppError { Parse(ParseIntError), Negative(i64), Empty }
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self { AppError::Parse(e) => write!(f, "parse: {e}"), AppError::Negative(n) => write!(f, "negative: {n}"), AppError::Empty => write!(f, "empty") }
    }
}
impl Error for AppError {}
impl From<ParseIntError> for AppError { fn from(e: ParseIntError) -> Self { AppError::Parse(e) } }

fn parse_pos(s: &str) -> Result<i64, AppError> {
    if s.is_empty() { return Err(AppError::Empty); }
    let n: i64 = s.trim().parse()?;
    if n < 0 { Err(AppError::Negative(n)) } else { Ok(n) }
}

fn sum_all(items: &[&str]) -> Result<i64, AppError> {
    let mut t = 0;
    for i in items { t += parse_pos(i)?; }
    Ok(t)
}

fn dyn_err(s: &str) -> Result<f64, Box<dyn Error>> {
    let n = parse_pos(s)?;
    let f: f64 = format!("{n}.5").parse()?;
    if f > 100.0 { return Err("too big".into()); }
    Ok(f)
}

fn first_even_square(v: &[i32]) -> Option<i32> {
    let x = v.iter().find(|x| *x % 2 == 0)?;
    x.checked_mul(*x)
}

fn main() {
    for s in ["42", " 7 ", "-3", "abc", "", "99999999999999999999"] { println!("{:?} / {}", parse_pos(s), parse_pos(s).map_or_else(|e| e.to_string(), |v| v.to_string())); }
    println!("{:?} {:?}", sum_all(&["1", "2", "3"]).ok(), sum_all(&["1", "x", "-1"]).map_err(|e| e.to_string()));
    for s in ["5", "500", "q", "-1"] {
        match dyn_err(s) { Ok(v) => println!("ok {v}"), Err(e) => println!("err {e} (source: {:?})", e.source().map(|s| s.to_string())) }
    }
    println!("{:?} {:?} {:?}", first_even_square(&[1, 3, 4]), first_even_square(&[1, 3]), first_even_square(&[65536]));
    let r: Result<Vec<i32>, _> = "1 2 3".split(' ').map(str::parse::<i32>).collect();
    let r2: Result<Vec<i32>, _> = "1 two 3".split(' ').map(str::parse::<i32>).collect();
    println!("{:?} {}", r, r2.is_err());
    let o: Option<Vec<u8>> = [Some(1), Some(2)].into_iter().collect();
    println!("{:?}", o);
    let chained = parse_pos("10").and_then(|v| if v > 5 { Err(AppError::Negative(-v)) } else { Ok(v) }).or_else(|_| parse_pos("3")).unwrap_or_default();
    println!("{chained}");
    println!("{}", parse_pos("x").unwrap_or_default() + Err::<i64, ()>(()).unwrap_or(1));
    let e: Box<dyn Error + Send + Sync> = From::from("plain message");
    println!("{e} {:?}", e.to_string());
}

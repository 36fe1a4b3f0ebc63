// std::env: argument count (argv[0] differs between the compared binaries, so only counts and
// the absence of extra args are printed), a missing environment variable, current_dir-free.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("{} {:?}", args.len(), &args[1..]);
    println!("{}", std::env::args_os().count());
    println!("{:?}", std::env::var("UI_TEST_SURELY_UNSET_VARIABLE"));
    println!("{}", std::env::args().next().is_some_and(|a| !a.is_empty()));
}

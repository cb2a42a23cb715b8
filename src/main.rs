//! The `scrim` binary: everything lives in the library; see `scrim::cli`.

fn main() -> std::process::ExitCode {
    scrim::cli::main()
}

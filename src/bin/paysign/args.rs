//! A small hand-written argument parser: positional arguments, `--flag`s, and
//! `--name VALUE` / `--name=VALUE` options. Each command says which options it takes.

use paysign::{Error, Result};

/// The parsed command line of one command.
pub struct Args {
    pub positional: Vec<String>,
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
}

impl Args {
    /// Whether `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }

    /// The value of `--name VALUE`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

/// Parses `argv` (without the program and command names). `flags` take no value, `values`
/// take one. Anything else starting with `--` is an error; `-` alone is a positional
/// argument (stdin), and everything after `--` is positional.
pub fn parse(argv: &[String], flags: &[&'static str], values: &[&'static str]) -> Result<Args> {
    let mut args = Args {
        positional: Vec::new(),
        flags: Vec::new(),
        values: Vec::new(),
    };
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        if arg == "--" {
            args.positional.extend(it.by_ref().cloned());
            break;
        }
        if !arg.starts_with("--") {
            args.positional.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg.as_str(), None),
        };
        if let Some(&flag) = flags.iter().find(|f| **f == name) {
            if inline.is_some() {
                return Err(Error::invalid_argument(format!("option {flag} takes no value")));
            }
            if !args.flags.contains(&flag) {
                args.flags.push(flag);
            }
        } else if let Some(&opt) = values.iter().find(|v| **v == name) {
            let value = match inline {
                Some(v) => v.to_string(),
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| Error::invalid_argument(format!("option {opt} needs a value")))?,
            };
            if args.value(opt).is_some() {
                return Err(Error::invalid_argument(format!("option {opt} is given more than once")));
            }
            args.values.push((opt, value));
        } else {
            // Never echo what follows '=': it may be a secret given to the wrong option.
            return Err(Error::invalid_argument(format!(
                "unknown option '{name}' for this command (see paysign help)"
            )));
        }
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_flags_and_positionals() {
        let a = parse(
            &argv(&["p", "--key", "k.pem", "a=1", "--explain", "--options=hash=sha1", "-"]),
            &["--explain"],
            &["--key", "--options"],
        )
        .unwrap();
        assert_eq!(a.positional, ["p", "a=1", "-"]);
        assert!(a.flag("--explain"));
        assert_eq!(a.value("--key"), Some("k.pem"));
        assert_eq!(a.value("--options"), Some("hash=sha1"));
        assert_eq!(a.value("--secret"), None);
    }

    #[test]
    fn errors() {
        assert!(parse(&argv(&["--nope"]), &[], &[]).is_err());
        assert!(parse(&argv(&["--key"]), &[], &["--key"]).is_err());
        assert!(parse(&argv(&["--key", "a", "--key", "b"]), &[], &["--key"]).is_err());
        assert!(parse(&argv(&["--explain=1"]), &["--explain"], &[]).is_err());
        let Err(e) = parse(&argv(&["--secrets=hunter2"]), &[], &["--secret"]) else {
            panic!("a misspelt option was accepted");
        };
        assert!(!e.message.contains("hunter2"));
    }

    #[test]
    fn double_dash_ends_options() {
        let a = parse(&argv(&["--", "--x=1"]), &[], &[]).unwrap();
        assert_eq!(a.positional, ["--x=1"]);
    }
}

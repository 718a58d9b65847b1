//! The `herken` command: opens the app, or runs one of the tools for authors and tests.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use bevy::prelude::*;
use clap::{Parser, Subcommand};

use herken::i18n::{Language, tr};
use herken::journey::{
    JourneyOptions, RunScript, add_journey, bundled_scenarios_folder, parse_script,
};
use herken::player::PlayerScript;
use herken::scenario::{SCENARIO_FILE, load_checked};
use herken::video::{
    Film, FilmOptions, FilmTime, bench_gst_launch, bench_herken, film_duration, format_figures,
    probe,
};
use herken::{AppPlugin, Settings, WindowOptions};

/// herken: herken signalen van mensenhandel in een trainingsfilm (recognise signals of
/// human trafficking in a training film).
#[derive(Parser)]
#[command(name = "herken", version)]
struct Cli {
    /// Taal van schermen en meldingen: nl of en (language of screens and messages).
    #[arg(long, global = true, env = "HERKEN_LANG", value_parser = parse_language)]
    lang: Option<Language>,

    /// Map met scenario's voor de module (folder of scenarios for the module); standaard de
    /// meegeleverde map scenarios/ (default: the bundled scenarios/ folder).
    #[arg(long, value_name = "DIR")]
    scenarios: Option<PathBuf>,

    /// Open de module in volledig scherm (open the module full screen).
    #[arg(long)]
    fullscreen: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Speel een film af om hem te controleren (play a film to check it).
    Play(PlayArgs),
    /// Doorloop een scenario met een script en schrijf het resultaat (drive a scenario with a
    /// script and write the result): DIR/result.json, DIR/run.json and the screenshots.
    Run(RunArgs),
    /// Toon als JSON wat herken in een film ziet (print what herken sees in a film, as JSON).
    Probe {
        /// Het filmbestand (the film file).
        file: PathBuf,
    },
    /// Controleer scenario's en meld elk probleem als bestand:regel:kolom (check scenarios
    /// and report every problem as file:line:column).
    Check {
        /// Scenariobestanden of -mappen (scenario files or folders).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Meld de problemen als JSON (report the problems as JSON).
        #[arg(long)]
        json: bool,
    },
    /// Meet de decodeersnelheid tegenover GStreamer (measure decoding speed against GStreamer).
    Bench {
        /// Het filmbestand (the film file).
        file: PathBuf,
    },
}

#[derive(clap::Args)]
struct PlayArgs {
    /// Het filmbestand (the film file).
    file: PathBuf,
    /// Open in volledig scherm (open full screen).
    #[arg(long)]
    fullscreen: bool,
    /// Begin gepauzeerd op het eerste beeld (start paused on the first frame).
    #[arg(long)]
    paused: bool,
    /// Spring na het openen naar deze tijd: seconden of m:ss.fff (seek here after opening:
    /// seconds or m:ss.fff).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    seek_to: Option<FilmTime>,
    /// Pauzeer zodra het beeld deze tijd bereikt: seconden of m:ss.fff (pause when the
    /// picture reaches this time: seconds or m:ss.fff).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pause_at: Option<FilmTime>,
    /// Sla na het springen of pauzeren een schermafbeelding op en stop (save a screenshot
    /// after the seek or pause, then quit).
    #[arg(long, value_name = "PNG")]
    screenshot: Option<PathBuf>,
    /// Verberg de balk onder de film (hide the bar under the film).
    #[arg(long)]
    hide_overlay: bool,
    /// Stop met een fout als het script dan niet klaar is, in seconden (fail if the script
    /// has not finished by then, in seconds).
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    time_limit: u64,
}

#[derive(clap::Args)]
struct RunArgs {
    /// De scenariomap of het scenario.ron-bestand (the scenario folder or scenario.ron file).
    scenario: PathBuf,
    /// Het script: een RON-lijst van stappen, zie docs/scripted-runs.md (the script: a RON
    /// list of steps, see docs/scripted-runs.md).
    #[arg(long, value_name = "FILE")]
    script: PathBuf,
    /// De map voor result.json, run.json en de schermafbeeldingen; wordt zo nodig gemaakt
    /// (the folder for result.json, run.json and the screenshots; created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Stop met een fout als het script dan niet klaar is, in seconden (fail if the script
    /// has not finished by then, in seconds).
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    time_limit: u64,
}

fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| format!("'{code}': kies nl of en (choose nl or en)"))
}

fn parse_time(text: &str) -> Result<FilmTime, String> {
    FilmTime::parse(text).ok_or_else(|| {
        format!("'{text}': schrijf seconden of m:ss.fff (write seconds or m:ss.fff)")
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let language = cli.lang.unwrap_or_default();
    match cli.command {
        None => run_journey(cli.scenarios, cli.fullscreen, language),
        Some(Command::Run(args)) => run_script(args, language),
        Some(Command::Play(args)) => run_play(args, language),
        Some(Command::Probe { file }) => run_probe(&file, language),
        Some(Command::Bench { file }) => run_bench(&file, language),
        Some(Command::Check { paths, json }) => run_check(&paths, json, language),
    }
}

/// Opens the learner's journey on the scenarios in `folder`, by default the bundled ones.
fn run_journey(folder: Option<PathBuf>, fullscreen: bool, language: Language) -> ExitCode {
    let options = JourneyOptions {
        scenarios_folder: folder.unwrap_or_else(bundled_scenarios_folder),
        script: None,
    };
    open_journey(options, fullscreen, language)
}

/// Drives one scenario with a script; exits non-zero on a bad script, a scenario with
/// errors, a failed step or the time limit.
fn run_script(args: RunArgs, language: Language) -> ExitCode {
    let steps = match parse_script(&args.script) {
        Ok(steps) => steps,
        Err(error) => {
            eprintln!("herken run: {error}");
            return ExitCode::FAILURE;
        }
    };
    let file = if args.scenario.is_dir() {
        args.scenario.join(SCENARIO_FILE)
    } else {
        args.scenario.clone()
    };
    let scenario = match load_checked(&file, language, &film_duration) {
        Ok((loaded, _warnings)) => loaded,
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!("herken run: cannot create {}: {error}", args.out.display());
        return ExitCode::FAILURE;
    }
    let script = RunScript {
        scenario,
        steps,
        out: args.out,
        time_limit: Duration::from_secs(args.time_limit.max(1)),
    };
    let options = JourneyOptions {
        scenarios_folder: bundled_scenarios_folder(),
        script: Some(script),
    };
    open_journey(options, false, language)
}

fn open_journey(options: JourneyOptions, fullscreen: bool, language: Language) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(AppPlugin {
        window: WindowOptions {
            title: "herken".to_owned(),
            fullscreen,
        },
        settings: Settings { language },
    });
    add_journey(&mut app, options);
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(_) => ExitCode::FAILURE,
    }
}

fn run_play(args: PlayArgs, language: Language) -> ExitCode {
    let film = match Film::open(&args.file, FilmOptions::watching()) {
        Ok(film) => film,
        Err(error) => {
            error!("{error}");
            eprintln!("{}", error.user_message(language));
            return ExitCode::FAILURE;
        }
    };
    if film.facts().has_audio && !film.facts().audio_device {
        eprintln!("{}", tr(language, "film-no-audio-device"));
    }
    let scripted = args.screenshot.is_some();
    let script = PlayerScript {
        start_paused: args.paused || (args.seek_to.is_some() && args.pause_at.is_none()),
        seek_to: args.seek_to,
        pause_at: args.pause_at,
        screenshot: args.screenshot,
        hide_overlay: args.hide_overlay,
        time_limit: scripted.then(|| Duration::from_secs(args.time_limit.max(1))),
    };
    let title = format!("herken — {}", args.file.display());
    let mut app = App::new();
    app.add_plugins(AppPlugin {
        window: WindowOptions {
            title,
            fullscreen: args.fullscreen,
        },
        settings: Settings { language },
    });
    herken::player::add_player(&mut app, film, script);
    let exit = app.run();
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(_) => ExitCode::FAILURE,
    }
}

fn run_check(paths: &[PathBuf], json: bool, language: Language) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if herken::scenario::run_check(paths, json, language, &film_duration, &mut out) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run_probe(file: &Path, language: Language) -> ExitCode {
    match probe(file, language) {
        Ok(report) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.user_message(language));
            ExitCode::FAILURE
        }
    }
}

fn run_bench(file: &Path, language: Language) -> ExitCode {
    let ours = match bench_herken(file) {
        Ok(figures) => figures,
        Err(error) => {
            eprintln!("{}", error.user_message(language));
            return ExitCode::FAILURE;
        }
    };
    print!("{}", format_figures("herken", &ours));
    let theirs = match bench_gst_launch(file, ours.frames) {
        Ok(figures) => figures,
        Err(error) => {
            eprintln!("gst-launch-1.0: {error}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", format_figures("gst-launch-1.0 decode only", &theirs));
    let ratio = ours.cpu_per_frame() / theirs.cpu_per_frame().max(f64::EPSILON);
    println!("cpu_ratio: {ratio:.2}");
    ExitCode::SUCCESS
}

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
use herken::modes::{ModeFlags, ModeOptions, add_modes};
use herken::player::PlayerScript;
use herken::results::commands::{
    Results, Storage, export_results, find_resumable, open_results, print_summary,
    send_waiting_statements,
};
use herken::results::{Learner, RecordingProblem, add_results};
use herken::scenario::{SCENARIO_FILE, load_checked};
use herken::settings::LearnerIdentifier;
use herken::video::{
    Film, FilmOptions, FilmTime, bench_gst_launch, bench_herken, bench_reopen, film_duration,
    format_figures, format_reopen, probe,
};
use herken::xapi::{Xapi, add_xapi};
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

    /// Map voor sessies, samenvattingen en de xAPI-outbox (folder for sessions, summaries
    /// and the xAPI outbox); standaard uit de instellingen of de gegevensmap van het
    /// platform (default: from the settings, or the platform's data folder).
    #[arg(long, global = true, value_name = "DIR", env = "HERKEN_DATA_DIR")]
    data_dir: Option<PathBuf>,

    /// Het instellingenbestand (RON) van de organisatie (the organisation's settings file);
    /// standaard settings.ron in de configuratiemap van het platform (default: settings.ron
    /// in the platform's configuration folder).
    #[arg(long, global = true, value_name = "FILE", env = "HERKEN_SETTINGS")]
    settings: Option<PathBuf>,

    /// Start als kiosk op een aanraakscherm: volledig scherm, terug naar het beginscherm
    /// na stilstand (start as a touch-screen kiosk: full screen, back to the attract
    /// screen when idle).
    #[arg(long, global = true, conflicts_with = "classroom")]
    kiosk: bool,

    /// Start voor een groep op een projector: volledig scherm, grotere tekst, bediening met
    /// een presentatieafstandsbediening (start for a group on a projector: full screen,
    /// larger text, presenter-remote keys).
    #[arg(long, global = true)]
    classroom: bool,

    /// Kiosk: seconden zonder aanraking voordat "Ben je er nog?" verschijnt (kiosk: seconds
    /// without a touch before "Are you still there?" shows); standaard uit de instellingen.
    #[arg(long, global = true, value_name = "SECONDS")]
    idle_seconds: Option<f32>,

    /// Kiosk: seconden dat het aftellen duurt (kiosk: seconds the countdown lasts);
    /// standaard uit de instellingen.
    #[arg(long, global = true, value_name = "SECONDS")]
    countdown_seconds: Option<f32>,

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
        /// Open en sluit de film zo vaak en meld threads, open bestanden en geheugen ervoor
        /// en erna (open and close the film this many times and report threads, open files
        /// and memory before and after).
        #[arg(long, value_name = "COUNT")]
        reopen: Option<u32>,
    },
    /// Resultaten van afgeronde sessies voor trainers (results of finished sessions, for
    /// trainers).
    Results {
        #[command(subcommand)]
        command: ResultsCommand,
    },
}

#[derive(Subcommand)]
enum ResultsCommand {
    /// Schrijf één regel per afgeronde sessie (write one row per finished session): CSV,
    /// JSON or both.
    Export {
        /// Het CSV-bestand (the CSV file).
        #[arg(long, value_name = "FILE", required_unless_present = "json")]
        csv: Option<PathBuf>,
        /// Het JSON-bestand (the JSON file).
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Toon per scenario hoeveel leerlingen elk signaal zagen (print per scenario how many
    /// learners caught each signal).
    Summary,
    /// Verstuur de wachtende xAPI-statements nu naar de LRS (send the waiting xAPI
    /// statements to the LRS now).
    Send,
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
    /// Ga verder met de onafgemaakte sessie van dit scenario in de gegevensmap (go on with
    /// this scenario's unfinished session in the data folder).
    #[arg(long)]
    resume: bool,
    /// De identificatie van de leerling; alleen als de instellingen daarom vragen (the
    /// learner's identifier; only when the settings ask for one).
    #[arg(long, value_name = "ID")]
    learner: Option<String>,
}

/// How long a closing app waits for the LRS to take the last statements.
const EXIT_DRAIN: Duration = Duration::from_secs(5);

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
    let modes = ModeFlags {
        kiosk: cli.kiosk,
        classroom: cli.classroom,
        idle_seconds: cli.idle_seconds,
        countdown_seconds: cli.countdown_seconds,
    };
    let storage = Storage {
        data_dir: cli.data_dir,
        settings: cli.settings,
    };
    match cli.command {
        None => run_journey(cli.scenarios, cli.fullscreen, language, &storage, &modes),
        Some(Command::Run(args)) => run_script(args, language, &storage, &modes),
        Some(Command::Results { command }) => run_results(command, language, &storage),
        Some(Command::Play(args)) => run_play(args, language),
        Some(Command::Probe { file }) => run_probe(&file, language),
        Some(Command::Bench { file, reopen: None }) => run_bench(&file, language),
        Some(Command::Bench {
            file,
            reopen: Some(count),
        }) => run_reopen(&file, count, language),
        Some(Command::Check { paths, json }) => run_check(&paths, json, language),
    }
}

/// Opens the learner's journey on the scenarios in `folder`, by default the bundled ones.
fn run_journey(
    folder: Option<PathBuf>,
    fullscreen: bool,
    language: Language,
    storage: &Storage,
    modes: &ModeFlags,
) -> ExitCode {
    let Some(results) = open_results(storage, language) else {
        return ExitCode::FAILURE;
    };
    let options = JourneyOptions {
        scenarios_folder: folder.unwrap_or_else(bundled_scenarios_folder),
        script: None,
    };
    open_journey(options, fullscreen, language, results, modes)
}

/// Drives one scenario with a script; exits non-zero on a bad script, a scenario with
/// errors, a failed step or the time limit.
fn run_script(args: RunArgs, language: Language, storage: &Storage, modes: &ModeFlags) -> ExitCode {
    let Some(mut results) = open_results(storage, language) else {
        return ExitCode::FAILURE;
    };
    if let Some(learner) = args.learner.clone() {
        if results.settings.learner_identifier != LearnerIdentifier::Ask {
            eprintln!("{}", tr(language, "results-learner-not-asked"));
            return ExitCode::FAILURE;
        }
        results.learner = Some(learner);
    }
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
    let resume = if args.resume {
        match find_resumable(&results, &scenario, language) {
            Ok(found) => Some(found),
            Err(message) => {
                eprintln!("herken run: {message}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let script = RunScript {
        scenario,
        steps,
        out: args.out,
        time_limit: Duration::from_secs(args.time_limit.max(1)),
        resume,
    };
    let options = JourneyOptions {
        scenarios_folder: bundled_scenarios_folder(),
        script: Some(script),
    };
    open_journey(options, false, language, results, modes)
}

fn open_journey(
    options: JourneyOptions,
    fullscreen: bool,
    language: Language,
    results: Results,
    modes: &ModeFlags,
) -> ExitCode {
    let scripted = options.script.is_some();
    let modes = match ModeOptions::choose(modes, results.settings.modes.clone(), scripted) {
        Ok(modes) => modes,
        Err(message) => {
            eprintln!("herken: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut app = App::new();
    app.add_plugins(AppPlugin {
        window: WindowOptions {
            title: "herken".to_owned(),
            fullscreen,
        },
        settings: Settings { language },
    });
    add_journey(&mut app, options);
    add_modes(&mut app, modes);
    app.insert_resource(Learner(results.learner.clone()));
    // The settings ask for an identifier that the command line did not give: the start
    // screen asks each learner for it.
    if results.settings.learner_identifier == LearnerIdentifier::Ask && results.learner.is_none() {
        app.insert_resource(herken::journey::LearnerPrompt::default());
    }
    add_results(&mut app, results.folder.clone());
    // Without a data folder nothing is kept; the screens say so for the whole session.
    if let Some(error) = &results.folder_error {
        app.insert_resource(RecordingProblem(Some(error.clone())));
    }
    let xapi = match (&results.settings.lrs, &results.folder) {
        (Some(lrs), Some(folder)) => match Xapi::start(lrs.clone(), folder.root()) {
            Ok(xapi) => Some(xapi),
            Err(error) => {
                error!("xAPI statements are not sent: {error}");
                None
            }
        },
        _ => None,
    };
    add_xapi(&mut app, xapi);
    let exit = app.run();

    // Statements that cannot go out now stay in the outbox for the next start.
    if let Some(xapi) = app.world().get_resource::<Xapi>() {
        match xapi.drain(EXIT_DRAIN) {
            Some(0) => {}
            Some(left) => warn!("{left} xAPI statements wait in the outbox for the next start"),
            None => warn!("the LRS did not answer in time; statements wait in the outbox"),
        }
    }
    match exit {
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

fn run_results(command: ResultsCommand, language: Language, storage: &Storage) -> ExitCode {
    let Some(results) = open_results(storage, language) else {
        return ExitCode::FAILURE;
    };
    let succeeded = match command {
        ResultsCommand::Export { csv, json } => {
            export_results(&results, csv.as_deref(), json.as_deref(), language)
        }
        ResultsCommand::Summary => print_summary(&results, language),
        ResultsCommand::Send => send_waiting_statements(&results, language),
    };
    if succeeded {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
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

fn run_reopen(file: &Path, count: u32, language: Language) -> ExitCode {
    match bench_reopen(file, count) {
        Ok(figures) => {
            print!("{}", format_reopen(&figures));
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

"""Storyboard of the inspection film: a municipal inspector checks the licence of a small restaurant.

Signals (ids match scenarios/toezichthouder/scenario.ron):
  seven-day-roster, owner-answers-for-worker, wage-unknown, debt-for-travel-and-room,
  lock-on-outside, sleeping-at-workplace, passports-kept-by-owner, ledger-with-deductions.
Non-signals (moments that look odd but point to nothing):
  colleagues-speak-polish (two cooks talk and laugh in their own language),
  blocked-fire-exit (crates in front of the emergency exit: a fire-safety breach, not a trafficking signal).
"""

from filmlib.draw import Look
from filmlib.storyboard import Begin, End, Line, Set, Tween, Wait
from filmlib.voices import Voice

from .sets import draw_scene  # noqa: F401  (used by filmlib.render)

TITLE_NL = "Controle in de horeca"

CAST = {
    "inspector": (Look(skin="#f2cdb0", hair="ponytail", hair_colour="#b58a4a", top="#2f4b7c", bottom="#3a3a44",
                       extra="lanyard"),
                  Voice("nl+f1", 155, 50)),
    "owner": (Look(skin="#eab893", hair="short", hair_colour="#8a8a8a", top="#2f6b4f", bottom="#3b3226",
                   height=1.05, glasses=False, beard=False),
              Voice("nl+m4", 165, 38)),
    "tomasz": (Look(skin="#f0c9a8", hair="short", hair_colour="#c8a060", top="#ffffff", bottom="#3a3a3a",
                    extra="chefcoat"),
               Voice("nl+m2", 132, 48)),
    "piotr": (Look(skin="#e6b995", hair="curly", hair_colour="#3a2a1c", top="#7a7f86", bottom="#2e2e36",
                   height=0.97, extra="apron"),
              Voice("nl+m6", 140, 55)),
}

VOICE_BY_LANGUAGE = {
    ("tomasz", "pl"): Voice("pl+m2", 160, 48),
    ("piotr", "pl"): Voice("pl+m6", 160, 55),
}


def place(key, x, y, scale=1.0, facing=1.0, gaze=0.0, mood="neutral", down=0.0):
    return {
        f"{key}.visible": True, f"{key}.x": x, f"{key}.y": y, f"{key}.scale": scale,
        f"{key}.facing": facing, f"{key}.sit": False, f"{key}.gaze": gaze, f"{key}.mood": mood,
        f"{key}.down": down, f"{key}.reach": 0.0, f"{key}.lreach": 0.0,
    }


def hide(*keys):
    return {f"{key}.visible": False for key in keys}


def camera(x=640, y=360, zoom=1.0):
    return {"cam.x": x, "cam.y": y, "cam.zoom": zoom}


# The inspector carries her clipboard in her left hand, held in front of her.
CLIPBOARD = {"inspector.carry": 1.0}

STEPS = [
    # Title card.
    Set({"scene": "title", "fade": 1.0, **camera()}),
    Tween({"fade": 0.0}, 1.0, wait=True),
    Wait(4.0),
    Tween({"fade": 1.0}, 0.8, wait=True),

    # In front of the restaurant.
    Set({"scene": "street", **camera(),
         **place("inspector", -120, 660, gaze=0.8, mood="neutral"), **CLIPBOARD,
         **place("owner", 690, 640, gaze=-0.6, mood="smile"), "owner.visible": False,
         **hide("tomasz", "piotr")}),
    Tween({"fade": 0.0}, 0.8),
    Tween({"inspector.x": 480}, 4.0, wait=True),
    Set({"owner.visible": True}),
    Wait(0.6),
    Line("inspector", "Goedemorgen. Lotte de Groot, toezichthouder van de gemeente. Ik kom voor de controle van uw vergunning.",
         "Good morning. Lotte de Groot, inspector for the municipality. I'm here to check your licence."),
    Line("owner", "Goedemorgen! Kom binnen, kom binnen. Alles is hier keurig in orde.",
         "Good morning! Come in, come in. Everything here is in perfect order."),
    Line("inspector", "Dat hoor ik graag. Ik loop even met u mee door de zaak.",
         "Glad to hear it. I'll walk through the place with you."),
    Tween({"owner.x": 690, "inspector.x": 690}, 1.8, wait=True),
    Tween({"fade": 1.0}, 0.6, wait=True),

    # Kitchen: two cooks chatting in Polish, the roster on the wall.
    Set({"scene": "kitchen", **camera(760, 360, 1.0),
         **place("tomasz", 820, 680, gaze=0.7, mood="smile"),
         **place("piotr", 1110, 670, scale=0.97, gaze=-0.7, mood="smile"),
         **place("owner", 1500, 690, gaze=-0.8, mood="smile"),
         **place("inspector", 1600, 700, gaze=-0.8), **CLIPBOARD}),
    Tween({"fade": 0.0}, 0.6, wait=True),
    Begin("colleagues-speak-polish", "non-signal"),
    Line("tomasz", "(in het Pools) Geef me de pan even aan, snel.", "(in Polish) Pass me the pan, quick.",
         say="Podaj mi patelnię, szybko.", lang="pl"),
    Line("piotr", "(in het Pools) Zo meteen. Eerst de borden.", "(in Polish) In a moment. Plates first.",
         say="Zaraz, zaraz. Najpierw talerze.", lang="pl"),
    Line("tomasz", "(in het Pools) Altijd eerst de borden, jij!", "(in Polish) Always plates first, you!",
         say="Zawsze najpierw talerze, ty!", lang="pl"),
    Wait(1.0),
    End("colleagues-speak-polish"),
    Set({"inspector.x": 1600, "owner.x": 1500}),
    Tween({"owner.x": 520, "inspector.x": 300, "cam.x": 560}, 3.0, wait=True),
    Set({"tomasz.mood": "neutral", "piotr.mood": "neutral", "tomasz.gaze": -0.8, "piotr.gaze": -0.8,
         "owner.gaze": -0.6, "inspector.gaze": 0.7}),
    Line("inspector", "Goedemorgen, heren.", "Good morning, gentlemen."),
    Line("tomasz", "Goedemorgen.", "Good morning."),
    Line("owner", "Dit is mijn keuken. Alles schoon, alles volgens de regels.",
         "This is my kitchen. Everything clean, everything by the rules."),

    Set({"inspector.gaze": -0.9}),
    Begin("seven-day-roster"),
    Tween({"cam.x": 250, "cam.y": 230, "cam.zoom": 2.3}, 1.6, wait=True),
    Line("inspector", "Is dit het rooster? Tomasz, Piotr en Ola.",
         "Is this the roster? Tomasz, Piotr and Ola."),
    Line("inspector", "Elke dag van tien uur 's ochtends tot middernacht. Ook op zaterdag en zondag?",
         "Every day from ten in the morning until midnight. Saturday and Sunday too?"),
    Tween({"cam.x": 560, "cam.y": 360, "cam.zoom": 1.0}, 1.6),
    Line("owner", "Het is druk, hè. En ze willen zelf graag veel werken.",
         "It's busy, you know. And they want to work a lot themselves."),
    Wait(0.5),
    End("seven-day-roster"),

    Set({"inspector.gaze": 0.9}),
    Tween({"cam.x": 640, "cam.y": 360, "cam.zoom": 1.15}, 1.0),
    Line("inspector", "Tomasz, mag ik u iets vragen? Hoeveel verdient u per uur?",
         "Tomasz, may I ask you something? How much do you earn per hour?"),
    Begin("owner-answers-for-worker"),
    Set({"owner.mood": "stern", "owner.gaze": -0.9}),
    Tween({"owner.x": 640}, 0.8),
    Line("owner", "Hij krijgt gewoon het minimumloon. Alles staat op papier.",
         "He gets the minimum wage, simple as that. It's all on paper."),
    Line("inspector", "Ik vroeg het aan hem, meneer Bakker.", "I was asking him, Mr Bakker."),
    Line("owner", "Hij verstaat het niet zo goed. Ik help alleen maar.",
         "He doesn't understand very well. I'm only helping."),
    Set({"tomasz.gaze": -0.9, "tomasz.mood": "tense", "tomasz.down": 0.3}),
    Wait(1.5),
    End("owner-answers-for-worker"),
    Wait(0.3),

    Begin("wage-unknown"),
    Set({"tomasz.gaze": -0.5, "tomasz.down": 0.6}),
    Line("tomasz", "Ik weet niet precies. De baas houdt het bij.",
         "I don't know exactly. The boss keeps track of it."),
    Line("tomasz", "Soms krijg ik vijftig euro. Voor eten.", "Sometimes I get fifty euros. For food."),
    Line("inspector", "En de rest van uw loon?", "And the rest of your pay?"),
    End("wage-unknown"),
    Wait(0.3),
    Begin("debt-for-travel-and-room"),
    Line("tomasz", "Eerst moet ik de reis terugbetalen. En de kamer. Dat is nog veel.",
         "First I have to pay back the journey. And the room. That's still a lot."),
    Set({"owner.mood": "smile"}),
    Line("owner", "Dat is een voorschot. Heel normaal in deze branche.",
         "That's an advance. Quite normal in this trade."),
    Wait(0.8),
    End("debt-for-travel-and-room"),
    Line("owner", "Kom, dan laat ik u de rest zien.", "Come, I'll show you the rest."),
    Tween({"owner.x": -200, "inspector.x": -150}, 2.0, wait=True),
    Tween({"fade": 1.0}, 0.5, wait=True),

    # Corridor: blocked emergency exit, then the storeroom door with a lock on the outside.
    Set({"scene": "corridor", **camera(1000, 360, 1.0), **hide("tomasz", "piotr"),
         **place("owner", 1900, 680, facing=-1, gaze=-0.8, mood="neutral"),
         **place("inspector", 2000, 690, facing=-1, gaze=-0.8), **CLIPBOARD, "padlock.open": 0.0}),
    Tween({"fade": 0.0}, 0.5),
    Tween({"owner.x": 900, "inspector.x": 1180}, 3.0, wait=True),
    Begin("blocked-fire-exit", "non-signal"),
    Set({"inspector.gaze": 0.9}),
    Tween({"cam.x": 1250, "cam.zoom": 1.15}, 1.2),
    Line("inspector", "Deze nooduitgang staat vol met kratten. Die moeten hier vandaag nog weg.",
         "This emergency exit is full of crates. They have to go today."),
    Line("owner", "Ja, sorry. Vanmiddag haalt de leverancier het leeggoed op.",
         "Yes, sorry. The supplier is collecting the empties this afternoon."),
    Wait(0.8),
    End("blocked-fire-exit"),
    Tween({"cam.x": 700, "cam.zoom": 1.0}, 1.4),
    Tween({"owner.x": 820, "inspector.x": 700}, 2.0, wait=True),
    Set({"inspector.gaze": -0.9, "inspector.facing": -1}),
    Begin("lock-on-outside"),
    Tween({"cam.x": 520, "cam.y": 390, "cam.zoom": 2.4}, 1.4, wait=True),
    Line("inspector", "Waarom zit er een slot aan de buitenkant van deze deur?",
         "Why is there a lock on the outside of this door?"),
    Line("owner", "Dat is het magazijn. Er wordt veel gestolen.",
         "That's the storeroom. A lot gets stolen."),
    Line("inspector", "Mag ik even binnen kijken?", "May I have a look inside?"),
    Wait(0.8),
    Line("owner", "Er is niks te zien, hoor. Alleen voorraad.", "There's nothing to see. Just stock."),
    Set({"owner.reach_to": (470, 420)}),
    Tween({"owner.reach": 1.0, "cam.zoom": 1.6, "cam.x": 600}, 1.2, wait=True),
    Tween({"padlock.open": 1.0}, 0.6, wait=True),
    Wait(0.6),
    End("lock-on-outside"),
    Tween({"fade": 1.0}, 0.5, wait=True),

    # Storeroom with mattresses.
    Set({"scene": "storeroom", **camera(420, 360, 1.25),
         **place("owner", 210, 690, gaze=0.8, mood="stern"),
         **place("inspector", 90, 700, gaze=0.8), **CLIPBOARD, "owner.reach": 0.0}),
    Tween({"fade": 0.0}, 0.5, wait=True),
    Begin("sleeping-at-workplace"),
    Tween({"cam.x": 800, "cam.y": 470, "cam.zoom": 1.25}, 6.0),
    Line("inspector", "Hier liggen matrassen. En slaapzakken, een koffer, kleren aan een lijn.",
         "There are mattresses here. And sleeping bags, a suitcase, clothes on a line."),
    Line("inspector", "Slapen hier mensen?", "Do people sleep here?"),
    Tween({"cam.x": 640, "cam.y": 360, "cam.zoom": 1.0}, 1.5),
    Line("owner", "Nee, nee. Soms rusten de jongens even uit, tussen twee diensten.",
         "No, no. Sometimes the lads have a rest between two shifts."),
    Wait(1.0),
    End("sleeping-at-workplace"),
    Line("owner", "Kom, de vergunning ligt op kantoor.", "Come, the licence is in the office."),
    Tween({"fade": 1.0}, 0.5, wait=True),

    # Office: passports in the drawer, the notebook with debts and fines.
    Set({"scene": "office", **camera(640, 360, 1.0), "drawer.open": 0.0,
         **place("owner", 660, 600, scale=0.92, gaze=-0.3, mood="neutral"),
         **place("inspector", 230, 690, gaze=0.8), **CLIPBOARD, "ledger.closing": 0.0}),
    Tween({"fade": 0.0}, 0.5, wait=True),
    Line("owner", "Momentje, hij ligt hier ergens in de la.", "Just a moment, it's in the drawer somewhere."),
    Set({"owner.reach_to": (700, 520), "owner.down": 0.6}),
    Tween({"owner.reach": 1.0}, 0.6, wait=True),
    Tween({"drawer.open": 1.0}, 0.8, wait=True),
    Begin("passports-kept-by-owner"),
    Tween({"cam.x": 700, "cam.y": 510, "cam.zoom": 2.2}, 1.4, wait=True),
    Wait(1.0),
    Line("inspector", "Van wie zijn al die paspoorten?", "Whose are all those passports?"),
    Line("owner", "Van het personeel. Die bewaar ik voor ze. Anders raken ze kwijt.",
         "The staff's. I keep them for them. Otherwise they get lost."),
    Tween({"drawer.open": 0.0}, 0.8, wait=True),
    Wait(0.8),
    End("passports-kept-by-owner"),
    Tween({"cam.x": 640, "cam.y": 360, "cam.zoom": 1.0}, 1.0, wait=True),
    Set({"owner.reach": 0.0, "owner.down": 0.0, "inspector.gaze": 0.9}),
    Line("inspector", "En dit schrift hier op het bureau?", "And this notebook here on the desk?"),
    Tween({"fade": 1.0}, 0.4, wait=True),
    Set({"scene": "ledger", **camera(640, 360, 1.0)}),
    Tween({"fade": 0.0}, 0.4, wait=True),
    Begin("ledger-with-deductions"),
    Tween({"cam.zoom": 1.12, "cam.y": 340}, 6.0),
    Line("inspector", "Tomasz. Reis, negenhonderdvijftig. Kamer, driehonderdvijftig.",
         "Tomasz. Journey, nine hundred and fifty. Room, three hundred and fifty."),
    Line("inspector", "Boete te laat, vijftig euro. Betaald: honderdtwintig.",
         "Fine for being late, fifty euros. Paid: one hundred and twenty."),
    Line("owner", "Dat is mijn eigen administratie.", "That's my own bookkeeping."),
    Tween({"ledger.closing": 1.0}, 0.6, wait=True),
    Wait(0.6),
    End("ledger-with-deductions"),
    Tween({"fade": 1.0}, 0.4, wait=True),
    Set({"scene": "office", **camera(640, 360, 1.0), "owner.mood": "smile", "owner.gaze": -0.8}),
    Tween({"fade": 0.0}, 0.4, wait=True),
    Line("owner", "Hier is de vergunning. Alles in orde, ziet u?", "Here's the licence. All in order, you see?"),
    Line("inspector", "Dank u. Ik heb voor nu genoeg gezien. U hoort nog van ons.",
         "Thank you. I've seen enough for now. You'll hear from us."),
    Line("owner", "Er is hier echt niks aan de hand, hoor.", "There's really nothing going on here."),
    Tween({"fade": 1.0}, 0.6, wait=True),

    # Leaving: the cook watches from the door.
    Set({"scene": "street", **camera(),
         **place("inspector", 690, 650, facing=-1, gaze=-0.8), **CLIPBOARD,
         **place("tomasz", 690, 610, scale=0.9, gaze=-0.6, mood="tense"), "tomasz.visible": False,
         **hide("owner", "piotr")}),
    Tween({"fade": 0.0}, 0.6),
    Tween({"inspector.x": 200}, 3.0, wait=True),
    Set({"tomasz.visible": True}),
    Tween({"inspector.x": -200}, 3.0, wait=True),
    Wait(2.0),
    Tween({"fade": 1.0}, 0.8, wait=True),
    Set({"scene": "end", **camera(), **hide("inspector", "tomasz")}),
    Tween({"fade": 0.0}, 0.8, wait=True),
    Wait(4.0),
]

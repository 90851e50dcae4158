/**
 * Small lexicons of generic web-UI and newsroom words, in several languages.
 *
 * These are the words every site uses for its buttons, boxes and labels ("Sign in", "Read more",
 * "Related articles", "Foto:"), never sentences from any particular outlet. They are matched
 * against whole short lines (or a line's start/end), so ordinary body sentences that happen to
 * contain "read" or "support" are not affected.
 */

/** Reason a UI line is removed, by the family of UI phrase it matches. */
export type UiKind =
  | 'sign-in'
  | 'paywall'
  | 'newsletter'
  | 'app-promo'
  | 'share'
  | 'promo'
  | 'cookie-banner'
  | 'advertisement'
  | 'caption-ui'
  | 'navigation';

/**
 * Phrases that, at the start of a short line, mark the line as a UI element. Ordered: the first
 * family that matches names the reason.
 */
const UI_PATTERNS: [UiKind, RegExp, number][] = [
  [
    'sign-in',
    /^(?:already (?:a )?(?:member|subscriber|registered)|sign ?(?:in|up|on)|log ?(?:in|out)|login|register|create (?:an |your )?(?:free )?account|anmelden|einloggen|registrieren|jetzt registrieren|bereits (?:abonnent|registriert)|se connecter|connexion|s'inscrire|inscri(?:vez|ption)|déjà abonné|iniciar sesión|inicia sesión|regístrate|registrarse|accedi|registrati|inloggen|aanmelden|zaloguj|zarejestruj|войти|регистрация)\b/iu,
    12,
  ],
  [
    'paywall',
    /^(?:subscribe|subscription|subscribers? only|become a (?:member|subscriber|supporter)|start (?:your )?(?:free )?trial|free trial|\w+ days? free|start reading|continue reading|unlock|get (?:full|unlimited) access|abonnieren|jetzt abonnieren|abo(?:nnement)?\b|plus[- ]artikel|weiterlesen mit|jetzt (?:lesen|testen|weiterlesen)|s'abonner|abonnez-vous|je m'abonne|suscr[ií]bete|suscribirse|hazte socio|abbonati|abbonamento|abonneer|word abonnee|subskrybuj|prenumerata|подпис)/iu,
    12,
  ],
  [
    'newsletter',
    /^(?:(?:sign up (?:for|to) )?(?:our |the )?(?:daily |weekly |free )?newsletters?|get (?:our|the) (?:daily |weekly |free )?(?:newsletter|briefing)|newsletter abonnieren|zum newsletter|inscrivez-vous à (?:la|notre) newsletter|recibe (?:nuestro|el) boletín)/iu,
    12,
  ],
  [
    'app-promo',
    /^(?:download (?:the|our|\S+) app|download the app|get (?:the|our) app|get started now|(?:available|get it) on (?:the )?(?:app store|google play)|app[- ]?store|google play|play[- ]?store|(?:jetzt )?(?:die )?app (?:herunterladen|laden)|télécharge[rz] l'app(?:lication)?|descarga (?:la|nuestra) app|scarica l'app)/iu,
    12,
  ],
  [
    'share',
    /^(?:share(?: this| on| via|$)|share article|tweet|teilen|artikel teilen|partager|compartir|condividi|delen|udostępnij|copy link|link kopieren|email|e-mail|print|drucken|imprimer|facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|x\.com)\b/iu,
    4,
  ],
  [
    'cookie-banner',
    /^(?:we use cookies|this (?:site|website) uses cookies|cookies?(?: settings| policy| preferences)?\b|accept(?: all)?(?: cookies)?$|manage (?:cookies|preferences|consent)|privacy (?:policy|settings)|datenschutz|cookie-einstellungen|wir verwenden cookies|diese (?:website|seite) verwendet cookies|alle akzeptieren|politique de confidentialité|nous utilisons des cookies|política de (?:privacidad|cookies)|utilizziamo (?:i )?cookie|informativa (?:sulla )?privacy)/iu,
    12,
  ],
  ['advertisement', /^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|reklama|реклама)\b/iu, 3],
  [
    'promo',
    /^(?:read more|more info|learn more|find out more|see more|show more|load more|click here|tap here|try (?:our|it|for free|\S+ free)|support (?:us|now|our)|donate|give now|get (?:all|the best)|explore|discover|follow us|join us|mehr (?:lesen|erfahren|anzeigen|dazu)|weiterlesen|jetzt spenden|unterstützen sie|hier klicken|lire la suite|en savoir plus|voir plus|soutenez|faites un don|leer más|ver más|apoya|leggi (?:di più|tutto)|scopri|sostienici|lees meer|czytaj (?:więcej|dalej)|wesprzyj|читать далее|подробнее)\b/iu,
    12,
  ],
  [
    'navigation',
    /^(?:home|menu|search|suche|rechercher|buscar|cerca|zoeken|szukaj|skip to(?: main)? content|zum inhalt|back to top|nach oben|top of page|previous|next|zurück|weiter|précédent|suivant|anterior|siguiente|logo|loading|wird geladen|chargement|cargando|caricamento|impressum|imprint|kontakt|contact(?: us)?|about us|über uns|terms(?: of (?:use|service))?|agb|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|copyright|©)(?![\p{L}\p{N}])/iu,
    6,
  ],
];

/**
 * The UI family of a short line, or null. Each family has a word limit (the third element): a UI
 * label is short, and a longer line starting with "Facebook" or "Next" is a sentence.
 */
export function uiKind(line: string): UiKind | null {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  for (const [kind, re, maxWords] of UI_PATTERNS) if (words <= maxWords && re.test(t)) return kind;
  return null;
}

/** Copyright and rights lines of a page footer (may be longer than a UI label). */
export const COPYRIGHT =
  /(?:^(?:©|\(c\)\s|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati)/iu;

/**
 * Call-to-action phrases counted anywhere inside a line (not only at its start). A long block with
 * several of them glued into its prose ("... the story Read more Support Now From ...") is a banner.
 * Matched case-sensitively on the capitalised button form to avoid ordinary prose ("read more of").
 */
const CTA_INLINE =
  /\b(?:Read [Mm]ore|Support [Nn]ow|Support [Uu]s|Donate(?: [Nn]ow)?|Subscribe(?: [Nn]ow)?|Sign [Uu]p|Sign [Ii]n|Log [Ii]n|Learn [Mm]ore|Find [Oo]ut [Mm]ore|Download(?: [Nn]ow)?|Start [Rr]eading|Jetzt (?:spenden|unterstützen|abonnieren|lesen)|Mehr (?:lesen|erfahren)|Weiterlesen|Lire la suite|En savoir plus|Faire un don|Leer más|Dona ahora|Leggi di più|Lees meer|Czytaj więcej)\b/gu;

export function countInlineCta(text: string): number {
  return (text.match(CTA_INLINE) ?? []).length;
}

/**
 * Words of appeals for money or subscriptions (donation banners, membership pitches). A block that
 * speaks to the reader ("you", "we") and uses these is an appeal, not reporting.
 */
const APPEAL_WORDS =
  /\b(?:support(?:s|ing|ers?)?|donat(?:e|es|ion|ions|ing)|contribut(?:e|ion|ions)|subscri(?:be|bers?|ption)|membership|paywalls?|journalism|unterstütz\w*|spende\w*|abonn\w*|journalismus|soutien|soutenir|don(?:s)?|journalisme|apoy\w*|donaci\w+|suscrip\w+|periodismo|sosteg\w*|sostien\w*|donazion\w*|giornalismo|steun\w*|doneer\w*|journalistiek|wspar\w*|wesprzyj|dziennikarstw\w*)\b/giu;

export function countAppealWords(text: string): number {
  return (text.match(APPEAL_WORDS) ?? []).length;
}

/** Words that address the reader or speak as the outlet ("you", "your", "we", "our"). */
const READER_ADDRESS =
  /\b(?:you|your|yours|we|us|our|du|dich|dein\w*|euch|euer|ihr|wir|uns|unser\w*|vous|votre|vos|nous|notre|nos|usted|ustedes|tu|tus|nosotros|nuestr[oa]s?|voi|vostr[oa]|noi|nostr[oaie]|jij|jouw|je|wij|ons|onze|ty|wy|my|nasz\w*)\b/giu;

export function countReaderAddress(text: string): number {
  return (text.match(READER_ADDRESS) ?? []).length;
}

/**
 * Short lines that open a non-article tail: related stories, comments, "more from", most read.
 * The whole (short) line must match.
 */
export type TailKind = 'related' | 'comments' | 'sign-in';
const TAIL_PATTERNS: [TailKind, RegExp][] = [
  [
    'comments',
    /^(?:\d+\s+)?(?:comments?|kommentare?|leserkommentare|diskussion|commentaires?|comentarios?|commenti|reacties|komentarze|комментарии|(?:no|keine) (?:comments|kommentare)(?: yet)?|join the (?:discussion|conversation)|leave a (?:comment|reply)|schreiben sie einen kommentar)(?:\s*\(\d+\))?[\s.:…]*$/iu,
  ],
  [
    'related',
    /^(?:related(?: articles?| stories| posts| content| news| coverage| topics)?|more (?:from|on|stories|news|about|in)\b.{0,40}|most (?:read|popular|viewed|shared)|top stories\b.{0,40}|trending(?: now| stories)?|(?:you|we think you) (?:may|might|could) (?:also )?(?:like|enjoy|be interested)|recommended(?: for you| stories| articles)?|our picks|editor'?s picks|read (?:next|also)|see also|also read|latest (?:news|stories|articles)|popular (?:now|stories)|(?:das (?:thema )?|dies )?könnte (?:sie|dich|euch) auch interessieren|(?:this|these|that) (?:might|may|could) (?:also )?interest you|(?:about|more about) the authors?|über (?:den|die) autor(?:in|en)?|zu(?:r|m) autor(?:in)?|(?:à propos de l['’]auteur|vous (?:aimerez|aimeriez|pourriez aimer) aussi)|(?:sobre el autor|también te (?:puede|podría) interesar)|(?:l['’]autore|potrebbe interessarti anche|ti potrebbe (?:anche )?interessare)|over de auteur|o autorze|das könnte sie auch interessieren|(?:auch )?interessant|mehr zum thema|mehr aus\b.{0,40}|mehr (?:artikel|nachrichten|zum)\b.{0,40}|weitere (?:artikel|nachrichten|themen|meldungen)|ähnliche (?:artikel|themen|beiträge)|lesen sie auch|meistgelesen\w*|top-themen|empfehlungen|(?:à|a) lire (?:aussi|également)|lire aussi|articles? (?:similaires|liés|associés)|sur le même sujet|les plus lus|noticias relacionadas|art[ií]culos relacionados|te puede interesar|lo más leído|leggi anche|articoli correlati|potrebbe interessarti|i più letti|gerelateerde artikelen|meest gelezen|lees ook|powiązane|czytaj (?:także|też)|najczęściej czytane|читайте также|похожие)[\s.:…]*$/iu,
  ],
  ['sign-in', /^(?:sign (?:up|in) to (?:read|continue|view)\b.*|subscribe to (?:read|continue)\b.*|to continue reading\b.*|zum weiterlesen\b.*)$/iu],
];

export function tailKind(line: string): TailKind | null {
  const t = line.trim();
  if (t.split(/\s+/).length > 8) return null;
  for (const [kind, re] of TAIL_PATTERNS) if (re.test(t)) return kind;
  return null;
}

/** UI text that precedes a caption in gallery widgets ("open image in gallery", "Bild vergrößern"). */
export const GALLERY_PREFIX =
  /^(?:(?:open|view|expand|enlarge|show|zoom)\s+(?:the\s+)?(?:image|photo|picture|gallery)(?:\s+in\s+(?:the\s+)?(?:gallery|full\s?screen|lightbox))?|image\s+(?:\d+\s+)?(?:of|von|de|di)\s+\d+|bild\s+(?:vergrößern|öffnen|anzeigen)|zur bildergalerie|vergrößern|agrandir(?:\s+l[’']image)?|voir la galerie|ampliar(?:\s+(?:imagen|foto))?|ver galería|ingrandisci|apri (?:la )?galleria|vergroten|powiększ)\b[\s:]*/iu;

/** Words naming a photo credit ("Foto: X", "Photo: X", "Bild: X", "Credit: X"). */
export const CREDIT_WORDS = '(?:Fotos?|Photos?|Photograph|Bild(?:er)?|Image|Picture|Credit|Crédit|Imagen|Immagine|Afbeelding|Zdjęcie|Фото|Quelle)';

/** Job titles that may trail or precede a name in a byline; removed from the byline. */
export const JOB_TITLE =
  /\b(?:editor|correspondent|reporter|writer|producer|journalist|columnist|contributor|staff|analyst|presenter|anchor|chief|senior|deputy|political|economics|business|foreign|diplomatic|redakteur\w*|korrespondent\w*|autor\w*|reporter\w*|rédact\w*|journaliste|envoyé\w*|correspons\w*|redactor\w*|periodista|corrispondente|inviat[oa]|giornalista|redacteur|verslaggever|dziennikar\w*|korespondent\w*)\b/iu;

/** Words common in newspaper and broadcaster names, to tell an outlet from a person. */
export const ORG_WORDS =
  /\b(?:times|news|post|daily|weekly|herald|journal|gazette|press|media|tribune|observer|guardian|express|mail|telegraph|chronicle|courier|standard|mirror|sun|star|record|independent|online|radio|tv|television|network|group|agency|wire|report|review|magazine|today|zeitung|nachrichten|tagblatt|rundschau|kurier|anzeiger|allgemeine|presse|blatt|journal|quotidien|libération|diario|periódico|noticias|corriere|gazzetta|giornale|notizie|krant|dagblad|gazeta|dziennik|wiadomości)\b/iu;

/** Lowercase particles allowed inside personal names. */
export const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'le', 'la', 'bin', 'al', 'ibn', 'ter', 'zu', 'y']);

/** Conjunctions that join names in a byline ("X and Y", "X und Y", "X et Y"). */
export const NAME_JOINERS = /\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\boch\b|\bog\b|\boraz\b)\s*/iu;

/** Byline prefixes ("By", "Von", "Par", ...). */
export const BYLINE_PREFIX = /^(?:by|written by|words by|von|text(?: von)?|autor(?:in)?|author|par|por|di|door|av|przez|автор)\s*:?\s+/iu;

/** Copula and auxiliary verbs that follow a subject ("X is", "X ist", "X est"). */
export const COPULAS = /^(?:is|are|was|were|has|have|will|ist|sind|war|hat|wird|est|sont|a|était|es|son|fue|ha|è|sono|ha|jest|są|is|zijn|heeft|är|har|er)$/iu;

/** Labels that come before a date ("Published", "Updated", "Veröffentlicht am"). */
export const DATE_LABEL =
  '(?:date|datum|published(?:\\s+on)?|posted(?:\\s+on)?|updated(?:\\s+on)?|last updated|first published(?:\\s+on)?|veröffentlicht(?:\\s+am)?|aktualisiert(?:\\s+am)?|erschienen(?:\\s+am)?|stand|publié(?:\\s+le)?|mis à jour(?:\\s+le)?|publicado(?:\\s+el)?|actualizado(?:\\s+el)?|pubblicato(?:\\s+il)?|aggiornato(?:\\s+il)?|gepubliceerd(?:\\s+op)?|opublikowano|zaktualizowano)';

/** Lines that list sources used by a composite or an AI-assisted text. */
export const SOURCES_LINE = /^(?:sources?(?: used)?|quellen|verwendete quellen|sources utilisées|fuentes(?: utilizadas)?|fonti(?: utilizzate)?|bronnen|źródła)\s*:/iu;

/** Disclosure that a text was written or edited with AI help. */
export const AI_WORDS =
  /\b(?:artificial intelligence|künstliche[rn]? intelligenz|intelligence artificielle|inteligencia artificial|intelligenza artificiale|kunstmatige intelligentie|sztuczn\w+ inteligencj\w+)\b/iu;
/** The acronyms, matched case-sensitively so that "ai" or "ki" inside words and names do not count. */
export const AI_ACRONYM = /\b(?:AI|A\.I\.|KI|IA)\b/u;
export const AI_DISCLOSURE_VERBS =
  /\b(?:edited|written|generated|created|produced|assisted|help|support|translated|bearbeitet|erstellt|verfasst|generiert|übersetzt|hilfe|unterstützung|rédigé|généré|édité|aide|traduit|editado|generado|redactado|ayuda|traducido|modificato|generato|redatto|aiuto|tradotto|bewerkt|gegenereerd|hulp|vertaald)\b/iu;

/**
 * Strong cues of a reader appeal (donation, membership, subscription pitch), in several languages:
 * "readers like you", "give/donate/support from £3 a month", "€5 per month", "become a member".
 * One cue plus the reader being addressed, or two cues, make a line an appeal (features.ts isAppeal).
 * Written from the generic phrasing of such boxes, not from any outlet's text.
 */
const CURRENCY = '(?:[£$€¥₹]|CHF|zł|kr|USD|EUR|GBP)';
const AMOUNT = `(?:${CURRENCY}\\s?\\d+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?\\s?(?:${CURRENCY}|euros?|euro|dollars?|pounds?|franken|francs?|złotych|zł))`;
const APPEAL_CUES: RegExp[] = [
  // readers like you / Leser wie Sie / lecteurs comme vous / lectores como tú / lettori come te / lezers zoals jij / czytelnicy tacy jak ty
  /\b(?:readers|supporters|people) like you\b|\bleser(?:innen)?(?:\s+und\s+leser(?:innen)?)? wie (?:sie|du|dich|euch)\b|\blect(?:eurs|rices) comme vous\b|\blectores como (?:tú|tu|usted|ustedes)\b|\blettori come (?:te|voi)\b|\blezers (?:zoals|als) (?:jij|u|jou)\b|\bczytelni\w+ (?:tak\w+ )?jak (?:ty|wy|pan\w*)\b/iu,
  // an amount per period: "£3 a month", "5 € im Monat", "3 € par mois", "5 € al mes", "5 € al mese", "€ 5 per maand"
  new RegExp(
    `${AMOUNT}\\s*(?:a|per|each|every|/|im|pro|je|par|al|por|ogni|per|w|na|за)\\s*(?:month|week|year|monat|woche|jahr|mois|semaine|an|mes|semana|año|mese|settimana|anno|maand|week|jaar|miesiąc|miesięcznie|месяц)\\b`,
    'iu',
  ),
  // give / donate / contribute / support from (just) £3; "ab 3 €"; "dès 3 €"; "desde 3 €"; "a partire da 3 €"; "vanaf € 3"; "już od 5 zł"
  new RegExp(
    `\\b(?:give|donate|contribute|support(?: us)?|pay|chip in|subscribe)\\s+(?:from|for|with)?\\s*(?:just|only|as little as)?\\s*${AMOUNT}|\\b(?:schon |bereits |ab |für )(?:nur )?${AMOUNT}|\\bdès\\s+${AMOUNT}|\\bdesde\\s+(?:solo\\s+)?${AMOUNT}|\\ba partire da\\s+${AMOUNT}|\\bvanaf\\s+${AMOUNT}|\\bjuż od\\s+${AMOUNT}`,
    'iu',
  ),
  // become a member / supporter (en, de, fr, es, it, nl, pl)
  /\bbecome an? (?:member|supporter|subscriber|patron|friend of)\b|\bwerden sie (?:jetzt )?(?:mitglied|unterstützer\w*|abonnent\w*|förder\w*)\b|\bwerde (?:jetzt )?(?:mitglied|unterstützer\w*|abonnent\w*)\b|\bdevenez (?:membre|abonné\w*|soutien|donat\w*)\b|\bhazte (?:socio|miembro|suscriptor)\b|\bdiventa (?:socio|membro|sostenitore|abbonato)\b|\bword (?:lid|abonnee|donateur|vriend)\b|\bzostań (?:patronem|członkiem|subskrybentem)\b/iu,
];

export function countAppealCues(text: string): number {
  return APPEAL_CUES.filter((re) => re.test(text)).length;
}

/**
 * Verbs by which an outlet speaks of itself as depending on its readers ("X relies on readers",
 * "X ist auf Leser angewiesen", "X dépend de ses lecteurs"): the name before one in an appeal is the
 * outlet. Matched on the word(s) right after the name.
 */
export const RELIANCE_VERBS =
  /^(?:relies|depends|counts|is (?:funded|supported|powered|made possible|independent|reader-funded)|needs|ist (?:auf|unabhängig)|braucht|lebt von|finanziert sich|dépend|compte sur|a besoin|vit grâce|depende|necesita|cuenta con|vive de|dipende|conta su|ha bisogno|vive grazie|is afhankelijk|rekent op|heeft .{0,20}nodig|zależy|potrzebuje)\b/iu;

/** A line that is nothing but gallery UI words ("open image in gallery", "Bild vergrößern"). */
export function isGalleryUi(line: string): boolean {
  const t = line.trim();
  const m = GALLERY_PREFIX.exec(t);
  return m !== null && m[0].trim().length === t.replace(/[\s:]+$/, '').length;
}

/**
 * Topics of site furniture written as sentences: newsletter and comment forms, privacy, cookie and
 * spam notices ("Save my name and email in this browser", "Ich akzeptiere die Datenschutzerklärung",
 * "Abonnez notre newsletter"). With the reader addressed, such a line is a promo box, not reporting.
 */
export const FURNITURE_TOPIC =
  /\b(?:newsletters?|e-?mail[- ]?(?:address|adresse|adres|indirizzo)|your e-?mail|save my name|notify me|benachrichtig\w*|akismet|spam|privacy (?:policy|notice|statement)|datenschutz\w*|politique de confidentialité|données personnelles|política de privacidad|informativa (?:sulla )?privacy|privacybeleid|polityk\w* prywatności|cookies?|terms (?:of use|and conditions)|nutzungsbedingungen|agb|push-?(?:nachrichten|mitteilungen|notifications?)|abonnier\w*|abonnez|suscr[ií]b\w*|iscriviti|inschrijven)\b/iu;

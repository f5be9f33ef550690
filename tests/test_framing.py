"""The framing scorer: codebook decisions, evidence, modifiers, user lexicons.

Sentences here are written for these tests (or come from the seed article);
none is copied from the shared corpus.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict

import pytest

from analysis.errors import LexiconError
from analysis.framing import (
    THRESHOLD,
    Evidence,
    FrameScore,
    FrameScorer,
    first_letters,
    frame_name,
    load_lexicon,
    phrase_regex,
    quoted_spans,
    score_frames,
)
from analysis.textio import HIDDEN_CHARS


@pytest.fixture(scope="module")
def scorer() -> FrameScorer:
    return FrameScorer()


def labels(fs: FrameScore) -> tuple[int, int]:
    return int(fs.labels["diplomacy"]), int(fs.labels["escalation"])


# (sentence, (diplomacy, escalation))
CODEBOOK_CASES = [
    # talks, contact and its absence, ceasefires, agreements, mediation, humanitarian arrangements
    ("Russia and Ukraine resumed peace talks in Istanbul on Tuesday.", (1, 0)),
    ("Talks between the two sides are treading water, the negotiator's office said.", (1, 0)),
    ("Blinken has not attempted to contact Lavrov since the start of the conflict.", (1, 0)),
    ("The two foreign ministers have not spoken since the war began.", (1, 0)),
    ("India and Pakistan agreed to a ceasefire along the Line of Control.", (1, 0)),
    ("Ukraine offered to adopt neutral status in exchange for security guarantees.", (1, 0)),
    ("Qatar and Egypt are mediating between Israel and Hamas on a hostage deal.", (1, 0)),
    ("Both sides exchanged 200 prisoners of war in a swap mediated by the United Arab Emirates.", (1, 0)),
    ("Regional powers urged restraint and called for de-escalation.", (1, 0)),
    ("The UN Security Council called for an immediate cessation of hostilities.", (1, 0)),
    ("Washington and Tehran exchanged messages through Omani intermediaries.", (1, 0)),
    ("Biden and Xi agreed to restore military-to-military communication channels.", (1, 0)),
    ("The Black Sea Grain Initiative expired in July after Russia refused to extend it.", (1, 0)),
    # force, its cost, weapons, deployments, sanctions, threats, rhetoric, worsening
    ("Israeli airstrikes killed at least 30 people in Gaza overnight, health officials said.", (0, 1)),
    ("Fighting between the army and the RSF has displaced more than eight million people in Sudan.", (0, 1)),
    ("Washington announced a new $2 billion package of military aid to Kyiv.", (0, 1)),
    ("The EU adopted a twelfth package of sanctions targeting Russian diamonds.", (0, 1)),
    ("Putin put Russia's nuclear deterrence forces on high alert.", (0, 1)),
    ("Moscow accused the West of waging a proxy war against Russia.", (0, 1)),
    ("The conflict could spill over into neighbouring countries, the UN chief warned.", (0, 1)),
    ("The Pentagon said it would deploy 3,000 more troops to Poland and Romania.", (0, 1)),
    ("Thousands of people fled the city as the bombardment intensified.", (0, 1)),
    ("Millions face hunger as the war disrupts food supplies.", (0, 1)),  # rule 6: the war's cost
    ("North Korea fired a ballistic missile into the sea off its east coast.", (0, 1)),
    ("Azerbaijani forces launched a lightning offensive to retake Nagorno-Karabakh.", (0, 1)),
    ("Iran threatened to retaliate for the killing of its commander.", (0, 1)),
    ("Kabul fell to the Taliban in August 2021.", (0, 1)),
    # both frames
    ("Things could get much worse if the negotiations fail.", (1, 1)),
    ("The truce collapsed within hours as rockets were fired from Gaza.", (1, 1)),
    ("Syrian government forces shelled rebel-held areas of Idlib despite the ceasefire.", (1, 1)),
    ("Lavrov said Moscow was open to dialogue but would not accept ultimatums.", (1, 1)),
    # neither
    ("Author: Jane Smith", (0, 0)),
    ("The company reported record quarterly profits on Thursday.", (0, 0)),
    ("The minister arrived in Ankara on Wednesday for a two-day visit.", (0, 0)),
    ("The spokesman declined to comment on the report.", (0, 0)),
    ("The central bank raised interest rates by half a percentage point.", (0, 0)),
    ("Aid trucks were allowed into northern Gaza for the first time in weeks.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), CODEBOOK_CASES)
def test_codebook_cases(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


DECISION_RULE_CASES = [
    # rule 1: negation and absence keep the frame
    ("There are no signs that the U.S. is pushing for a diplomatic solution.", (1, 0)),
    ("Putin said he had no intention of negotiating with Kyiv.", (1, 0)),
    ("The Kremlin said it saw no prospect of talks with Kyiv in the near future.", (1, 0)),
    ("Sudan's army chief rejected any negotiations with the paramilitary group.", (1, 0)),
    # rule 2: words inside a quotation count
    ("“We will fight until the last occupier leaves our land,” Zelensky said.", (0, 1)),
    ("“The door to negotiations remains open,” the minister told reporters.", (1, 0)),
    # rule 3: a title alone makes no frame
    ("Russia's leading negotiator, Vladimir Medinsky, said on Friday that he had written a new history textbook.", (0, 0)),
    ("Chief negotiator Vladimir Medinsky arrived in Minsk on Monday.", (0, 0)),
    ("Russia's leading negotiator, Vladimir Medinsky, said Friday that talks with Ukraine are ongoing.", (1, 0)),
    ("The Nobel Peace Prize was awarded to a Belarusian activist.", (0, 0)),
    # rule 4: coordination inside one camp is not diplomacy; what it is about decides
    ("The president spoke with the French president by phone to discuss more air defence systems.", (0, 1)),
    # rule 5: the war as a time reference
    ("Prices have doubled since Russia launched its invasion in February.", (0, 0)),
    ("Before the war, Ukraine exported most of its grain through the Black Sea.", (0, 0)),
    ("Grain exports have fallen by half since the start of the conflict.", (0, 0)),
    # rule 7: demands to withdraw are escalation; concessions are diplomacy
    ("The Kremlin demanded that Ukraine withdraw its troops from the four regions.", (0, 1)),
    ("The G7 called on Russia to withdraw its forces from Ukraine immediately.", (0, 1)),
    ("Kyiv has repeatedly said it will not cede territory in exchange for peace.", (1, 0)),
    # rule 8: back-references carry no frame
    ("That was repeated on Monday.", (0, 0)),
    ("Such a policy would be a mistake, he said.", (0, 0)),
    # other matters: labour strikes, wage talks, business, sport, domestic politics
    ("Nurses went on strike on Monday after wage talks with the health ministry broke down.", (0, 0)),
    ("The union said the strike would continue until employers improve their pay offer.", (0, 0)),
    ("Workers at the port have been on strike for two weeks over pay.", (0, 0)),
    ("Shares in the company rose 4% after it confirmed merger talks with a rival.", (0, 0)),
    ("Ukraine talks tough on grain exports.", (0, 0)),
    ("The talks on a new coalition government continued late into the night.", (0, 0)),
    ("The football club's striker has been on fire this season, scoring 20 goals.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), DECISION_RULE_CASES)
def test_decision_rules(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Other conflicts (India–Pakistan, Gaza, Lebanon, Sudan, Afghanistan, Syria, Ethiopia):
# the lexicon is written for conflict news in general, not for one war.
OTHER_CONFLICT_CASES = [
    ('India suspended the Indus Waters Treaty and closed the main border crossing with Pakistan.', (1, 1)),
    ('Pakistan closed its airspace to Indian airlines and suspended all trade with India.', (0, 1)),
    ("The two countries expelled each other's diplomats and cancelled visas.", (0, 1)),
    ('The military operations chiefs of India and Pakistan spoke over the hotline on Saturday.', (1, 0)),
    ('Gunmen killed 26 tourists in an attack near Pahalgam in Indian-administered Kashmir.', (0, 1)),
    ('Indian and Pakistani troops exchanged fire along the Line of Control overnight.', (0, 1)),
    ('Hamas fighters took about 250 hostages during the October 7 attack.', (0, 1)),
    ('Negotiators in Cairo are working on a deal to free the hostages in exchange for Palestinian prisoners.', (1, 0)),
    ('The IDF issued evacuation orders for eastern Rafah ahead of a ground operation.', (0, 1)),
    ('Settlers torched Palestinian homes in a village near Ramallah, residents said.', (0, 1)),
    ('Hezbollah fired dozens of rockets at northern Israel in response.', (0, 1)),
    ('The RSF has besieged El Fasher for more than a year.', (0, 1)),
    ('Talks in Jeddah between the army and the RSF collapsed in December.', (1, 0)),
    ('The Taliban took control of the presidential palace in Kabul.', (0, 1)),
    ('Under the Doha agreement, the United States committed to withdraw all its forces from Afghanistan.', (1, 1)),
    ('A suicide bomber killed 13 U.S. service members at the airport gate.', (0, 1)),
    ('The Houthis said they would halt their attacks on shipping if a ceasefire is reached in Gaza.', (1, 1)),
    ('Turkey launched cross-border strikes on Kurdish militants in northern Syria and Iraq.', (0, 1)),
    ("Assad's government and the opposition met in Geneva for UN-backed talks.", (1, 0)),
    ('Russian warplanes bombed hospitals in rebel-held Idlib province.', (0, 1)),
    ('Ethiopia and Tigrayan forces signed a permanent cessation of hostilities in Pretoria.', (1, 0)),
    ('Eritrean troops were accused of massacres of civilians in Axum.', (0, 1)),
    ('The new prime minister was sworn in on Monday.', (0, 0)),
    ('The city is known for its medieval cathedral and its university.', (0, 0)),
    ('The report was compiled from interviews with more than 200 residents.', (0, 0)),
    ('Israel and Hezbollah agreed to a 60-day truce brokered by the U.S. and France.', (1, 0)),
    ('UN Secretary-General Antonio Guterres urged both sides to show maximum restraint.', (1, 0)),
    ('The Security Council will hold an emergency meeting on the crisis on Friday.', (1, 0)),
    ('Israel intercepted most of the 180 ballistic missiles fired by Iran.', (0, 1)),
    ('Washington imposed visa bans on violent settlers.', (0, 1)),
    ('Famine has been confirmed in parts of Darfur, according to a UN-backed assessment.', (0, 1)),
    ('The army chief vowed to fight until the RSF is defeated.', (0, 1)),
    # a second batch, written after the first had been fixed (Yemen, Caucasus, Sahel, Congo, Balkans)
    ("Yemen's warring parties agreed in Stockholm to a prisoner swap and a truce in Hodeidah.", (1, 0)),
    ('Saudi-led coalition jets struck a wedding party, killing more than 20 people.', (0, 1)),
    ('Armenia accused Azerbaijan of shelling villages near the border.', (0, 1)),
    ('The Kremlin spokesman said there were no plans for a Putin-Biden meeting.', (1, 0)),
    ('Militants stormed a military base in northern Burkina Faso, killing dozens of soldiers.', (0, 1)),
    ('The junta gave French troops a month to leave the country.', (0, 1)),
    ("Colombia's government and the ELN resumed peace negotiations in Havana.", (1, 0)),
    ('Serbia put its army on the highest level of combat readiness.', (0, 1)),
    ('Kosovo and Serbia agreed on a plan to normalise relations under EU mediation.', (1, 0)),
    ('The ministry said the attack was a blatant violation of the truce.', (1, 1)),
    ("China's defence ministry warned that Beijing would take 'resolute measures'.", (0, 1)),
    ('The two leaders shook hands at the start of the summit in Geneva.', (1, 0)),
    ('An estimated 1.7 million people have been displaced by the fighting in eastern Congo.', (0, 1)),
    ('The M23 rebels captured the town of Bunagana on Monday.', (0, 1)),
    ('The foreign minister flew to Moscow for talks with Lavrov on the grain deal.', (1, 0)),
    ('The conference was held at the Hilton hotel in Doha.', (0, 0)),
    ("The country's central bank held interest rates steady.", (0, 0)),
    ('She joined the ministry in 2015 after a career in journalism.', (0, 0)),
    ('The UN envoy briefed the Security Council by video link.', (1, 0)),
    ('Iran seized a British-flagged tanker in the Strait of Hormuz.', (0, 1)),
    ('Protesters in Tbilisi clashed with riot police overnight.', (0, 0)),
    ('The president said he was ready to meet his Russian counterpart without preconditions.', (1, 0)),
    ("North Korea threatened a 'merciless' response to the joint drills.", (0, 1)),
    ('Thousands of Rohingya fled across the border into Bangladesh after the army crackdown.', (0, 1)),
    # a third batch (Gaza, Lebanon, Iran, Sahel, Sudan, Kashmir, Ukraine)
    ('Israeli forces demolished the homes of two Palestinian attackers in Jenin.', (0, 1)),
    ('The Pentagon ordered a second aircraft carrier to the eastern Mediterranean.', (0, 1)),
    ('Sirens sounded across central Israel as interceptors streaked overhead.', (0, 1)),
    ('Ukraine said it had downed 30 of the 35 Shahed drones launched overnight.', (0, 1)),
    ('Moscow said its troops had repelled an incursion into the Belgorod region.', (0, 1)),
    ('The US and Iran held indirect talks in Oman on the nuclear programme.', (1, 1)),
    ('Rights groups documented the use of cluster munitions in residential areas.', (0, 1)),
    ('The ceasefire deal includes a phased release of hostages and an Israeli pullback.', (1, 0)),
    ('Kyiv hopes the summit will build support for its peace plan among countries of the Global South.', (1, 0)),
    ("Gaza's health ministry said the death toll had passed 40,000.", (0, 1)),
    ("The Wagner group's mercenaries were accused of executing civilians in Mali.", (0, 1)),
    ("Pakistan's foreign office summoned the Afghan charge d'affaires to protest the cross-border attacks.", (0, 1)),
    ("The prime minister's office declined to comment on the report.", (0, 0)),
    ('The Black Sea port of Odesa has come under repeated drone attacks.', (0, 1)),
    ('Both sides have accused each other of violating the truce.', (1, 1)),
    ("India's army said Pakistani troops had violated the ceasefire along the Line of Control.", (1, 1)),
    ('Saudi Arabia and Iran agreed to restore diplomatic relations in a deal brokered by China.', (1, 0)),
    ('Lebanese authorities said an Israeli strike on a car killed a Hezbollah commander.', (0, 1)),
    ("Sudan's army and the RSF signed a declaration committing to protect civilians.", (1, 0)),
    ('Putin signed a decree calling up 300,000 reservists.', (0, 1)),
    ("The EU's top diplomat is expected to visit Kyiv on Thursday.", (0, 0)),
    ('The attack on the power grid left millions without electricity in freezing temperatures.', (0, 1)),
    ("Turkey has blocked Sweden's bid to join NATO for months.", (0, 0)),
    ('The warring parties have so far failed to agree on a date for new talks.', (1, 0)),
    ('A journalist was killed while covering the fighting near Bakhmut.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), OTHER_CONFLICT_CASES)
def test_other_conflicts(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Patterns of other conflicts' coverage (issue 3), written for these tests after an
# out-of-domain check (lee_ood.jsonl): each row is a pattern, none is a gold sentence.
GENERALISATION_CASES = [
    # 1. one clear diplomacy cue is enough (a passing mention that is part of the claim)
    ('The two prime ministers will hold a summit in Tashkent next month.', (1, 0)),
    ('Efforts to end the standoff have reached a deadlock.', (1, 0)),
    ('Khartoum has broken off all contacts with the rebel leadership.', (1, 1)),
    # 2. diplomacy without talks words: readiness to meet, refusing contact, offers, an envoy's return
    ('The Armenian prime minister said he was ready to meet the Azerbaijani president in Brussels.', (1, 0)),
    ('Seoul said it would have nothing to do with the new government in Pyongyang.', (1, 0)),
    ("The rebels rejected the government's offer as a trick.", (1, 0)),
    ("The junta refused to deal with the regional bloc's mediators.", (1, 0)),
    ('The envoy is expected to return to Sanaa next week.', (1, 0)),
    # 3. diplomatic sanctions: contact reduced (diplomacy) imposed as pressure (escalation)
    ('Ethiopia downgraded its embassy in Cairo and recalled its ambassador.', (1, 1)),
    ('India recalled its high commissioner from Islamabad.', (1, 1)),
    ('Pakistan banned Indian airlines from its airspace.', (0, 1)),
    # 4. halting attacks: a concession, and the attacks are named
    ('The group announced it would halt its rocket attacks on southern towns.', (1, 1)),
    ('The Kurdish militants declared a unilateral ceasefire on Friday.', (1, 0)),
    ('He called for an end to all attacks on civilians.', (1, 1)),
    # 5. escalation without war vocabulary: deadlines, readiness for anything, a leader written off, demands
    ('The government gave the militia 48 hours to comply or face the consequences.', (0, 1)),
    ('Our armed forces are prepared for anything, the general said.', (0, 1)),
    ('The minister said the rebel commander was finished and it was time for a new leadership.', (0, 1)),
    ('Washington demanded the arrest of the militants behind the bombing.', (0, 1)),
    ('Thousands of police joined the crackdown on Islamist militants in the north.', (0, 1)),
    ('The rebels vowed to continue their armed struggle.', (0, 1)),
    ('But the violence has not stopped.', (0, 1)),
    ('The Taliban deadline for the handover of the hostages passed on Sunday.', (0, 1)),
    # vocabulary of other conflicts
    ('Indian and Pakistani troops traded cross-border fire in Kashmir.', (0, 1)),
    ('China staged live-fire drills in the Taiwan Strait.', (0, 1)),
    ('North Korea carried out another missile test on Wednesday.', (0, 1)),
    ('Scores of African Union peacekeepers patrolled the streets of Mogadishu.', (0, 1)),
    ('The peacekeeping mission will monitor the truce line.', (1, 0)),
    ('Tribal elders negotiated the peaceful surrender of the fighters holed up in the caves.', (1, 0)),
    # 6. polysemy and other news: fires, labour disputes, deadlines, domestic violence
    ('Firefighters are battling a blaze that threatens homes on the edge of the town.', (0, 0)),
    ('A new fire in the hills is no longer threatening properties.', (0, 0)),
    ('The fire service has deployed 40 crews to the area.', (0, 0)),
    ('The ministry has been giving conflicting signals about the budget.', (0, 0)),
    ('The union said it would step up industrial action after pay talks reached a deadlock.', (0, 0)),
    ('The employers accused the union of a belligerent approach to enterprise bargaining.', (0, 0)),
    ('The tax deadline has been extended to the end of the month.', (0, 0)),
    ('Police said domestic violence reports had risen over the holidays.', (0, 0)),
    ('He welcomed the intervention of the international community in defusing the crisis.', (1, 0)),
    # 7. a title alone does not make diplomacy
    ('The Foreign Minister, Dr Rahimi, said the document was about to be printed.', (0, 0)),
    ('The Secretary of State arrived in the capital late on Tuesday.', (0, 0)),
    # a second batch: insurgencies, occupations and stand-offs; business and labour news
    ('The second intifada has claimed hundreds of lives.', (0, 1)),
    ('Security forces arrested 20 suspected militants in overnight raids.', (0, 1)),
    ('The government has cracked down on extremist groups since the attack.', (0, 1)),
    ('The two nuclear-armed neighbours are on the brink of war.', (0, 1)),
    ('New Delhi demanded that Islamabad hand over 20 wanted militants.', (0, 1)),
    ('India cut rail and bus links with Pakistan and recalled its high commissioner.', (1, 1)),
    ('The Palestinian leader pledged to stop the attacks on Israeli civilians.', (1, 1)),
    ('Both sides agreed to a cooling-off period before talks resume.', (1, 0)),
    ('Washington wants both sides to implement the Mitchell report.', (1, 0)),
    ('The Indian prime minister met with the Pakistani president on the sidelines.', (1, 0)),
    ('Coalition aircraft bombed the cave complex for a third day.', (0, 1)),
    ('The foreign ministry launched a diplomatic offensive to win support in the region.', (1, 0)),
    ('The budget airline said the fare war would drive weaker rivals out of the market.', (0, 0)),
    ('Analysts say the discount carrier is taking an aggressive approach to win market share from its competitors.', (0, 0)),
    ('Management said workers would face penalties if the stoppages continued.', (0, 0)),
    # a third batch: inflections, group names, the aim of halting violence, fires, labour offers
    ('Hamas has carried out dozens of suicide bombings since the uprising began.', (0, 1)),
    ('Islamic Jihad said it would study the proposal.', (0, 0)),
    ('The envoy gave both sides 48 hours to show they were serious about halting violence.', (1, 1)),
    # (the violence named is a description of fighting: escalation too, as the
    # hand-labelled sets have it; fourth pass)
    ('The minister said they were working to get the violence down so that negotiations could begin.', (1, 1)),
    ('Two buildings in the compound were engulfed in flames and destroyed after the air raid.', (0, 1)),
    ("Around 200 firemen were able to stem the flames' spread, preventing major damage to the cathedral.", (0, 0)),
    ('Unions will advise members to reject the offer because it includes a wage freeze.', (0, 0)),
    ('Sixty maintenance workers downed tools over job security.', (0, 0)),
    # a fourth batch: de-escalation and coercion phrased without frame nouns
    ('Both governments must step back from the brink, the UN chief said.', (1, 0)),
    ('The visit is aimed at cooling tensions between the two neighbours.', (1, 0)),
    ('Pakistan responded positively to the proposal for a meeting of foreign secretaries.', (1, 0)),
    ('The army released 50 prisoners as a goodwill gesture.', (1, 0)),
    ('Delhi said there was no point in talking while the attacks continued.', (1, 1)),
    ('Washington urged Islamabad to take tough action against the militant groups.', (0, 1)),
    ('The defence minister said all options were on the table.', (0, 1)),
    ('Both armies have moved to forward positions along the frontier.', (0, 1)),
    ('The Federal Reserve left the door open to further rate cuts.', (0, 0)),
    # a fifth batch, written as a probe before any fix (33 of 40 passed at first): Syria, Sudan,
    # Yemen, Ethiopia, Congo, Sahel, Caucasus, Korea, Taiwan, Iran, Somalia, Colombia, Myanmar
    ('Barrel bombs dropped by government helicopters hit a market in Aleppo.', (0, 1)),
    ('The Syrian opposition said it would attend the Astana talks.', (1, 0)),
    ('Regime forces pushed into the last rebel enclave in eastern Ghouta.', (0, 1)),
    ("The RSF overran the army's garrison in Wad Madani.", (0, 1)),
    ('The Jeddah process has stalled since the army walked out in December.', (1, 0)),
    ('Aid agencies warned that 25 million Sudanese need humanitarian assistance.', (0, 1)),
    ('The Houthis claimed responsibility for a drone attack on an oil tanker in the Red Sea.', (0, 1)),
    ('Omani mediators shuttled between Riyadh and Sanaa.', (1, 0)),
    ('Ethiopian federal troops entered Mekelle after weeks of fighting.', (0, 1)),
    ('The African Union convened the two sides in Pretoria.', (1, 0)),
    ('M23 rebels have seized the eastern city of Goma.', (0, 1)),
    ('Angola has offered to host direct talks between Kinshasa and the rebels.', (1, 0)),
    ('Jihadist fighters ambushed a convoy near the border with Niger, killing 12 soldiers.', (0, 1)),
    ('Baku and Yerevan have agreed on the text of a peace treaty.', (1, 0)),
    ('North Korea test-fired a new intercontinental ballistic missile.', (0, 1)),
    ("Pyongyang rejected Seoul's offer of dialogue.", (1, 0)),
    ('Chinese warships and aircraft encircled Taiwan in large-scale exercises.', (0, 1)),
    ('Beijing and Washington agreed to resume military communication.', (1, 0)),
    ('Iran has stepped up uranium enrichment to 60 per cent purity.', (0, 1)),
    ('Indirect nuclear talks between Iran and the United States resumed in Vienna.', (1, 1)),
    ('A car bomb exploded outside a police station in Mogadishu, killing eight people.', (0, 1)),
    ('Al-Shabaab militants stormed a hotel in the capital.', (0, 1)),
    ('The UN Security Council extended the mandate of its peacekeeping mission in South Sudan.', (1, 0)),
    ('Colombian troops clashed with FARC dissidents in Cauca.', (0, 1)),
    ('The government and the rebels exchanged lists of prisoners.', (1, 0)),
    ('Israeli tanks rolled into Rafah overnight.', (0, 1)),
    ('Qatar said the two sides were close to a deal on a pause in the fighting.', (1, 0)),
    ('Gunmen abducted 300 schoolgirls in northern Nigeria.', (0, 1)),
    ('The Myanmar junta bombed a village held by the resistance, killing 40 people.', (0, 1)),
    ('The Taliban and the United States signed an agreement in Doha.', (1, 0)),
    ('Pakistan and India resumed the composite dialogue after a three-year freeze.', (1, 0)),
    ('The separatists declared a unilateral truce for the holidays.', (1, 0)),
    ('The European Union will send a civilian monitoring mission to the border.', (1, 0)),
    ('The two leaders are to meet in Sochi next week.', (1, 0)),
    ('The prime minister said his country would not negotiate with terrorists.', (1, 1)),
    ("The country's football team won the regional cup on Sunday.", (0, 0)),
    ("The central bank's governor warned that inflation would stay high.", (0, 0)),
    ('The airline has launched an aggressive campaign to win business travellers from its rival.', (0, 0)),
    ('Teachers voted to escalate their industrial action next week.', (0, 0)),
    # a sixth batch, a probe in wire-story style written before fixing (25 of 34 passed at first;
    # three rows dropped: two with an unclear label, one against codebook rule 3): Middle East,
    # Afghanistan, South Asia, other news
    ('Mr Powell will travel to the region next week in a bid to revive the peace process.', (1, 0)),
    ('The Prime Minister says he is prepared to talk to the Palestinian leader if the violence stops.', (1, 1)),
    ('Israeli helicopters fired missiles at Palestinian police posts in Gaza.', (0, 1)),
    ('The Palestinian Authority says it has arrested more than 100 members of militant groups.', (0, 1)),
    ('Hamas says it will stop suicide attacks inside Israel.', (1, 1)),
    ('A senior Fatah official says there is willingness from the Israeli side to resume security contacts.', (1, 0)),
    ('The United States has frozen the assets of three groups it accuses of funding terrorism.', (0, 1)),
    ('Anti-Taliban forces say they have taken the last caves held by Al Qaeda in the White Mountains.', (0, 1)),
    ('American bombers continued to pound the area overnight.', (0, 1)),
    ('The interim administration will be sworn in on December 22.', (0, 0)),
    ('Tribal leaders are negotiating with the Taliban commander over the handover of Kandahar.', (1, 0)),
    ('The Pentagon says US special forces are searching the cave complex for Osama bin Laden.', (0, 1)),
    ('Hundreds of Taliban prisoners were killed when they rose up at the fortress.', (0, 1)),
    ('India has moved short-range missiles to its border with Pakistan.', (0, 1)),
    ('Pakistan says it is ready for talks with India at any level, any time, anywhere.', (1, 0)),
    ('India says there can be no dialogue until Pakistan stops cross-border terrorism.', (1, 1)),
    ('India has decided to downgrade its diplomatic relations with Pakistan.', (1, 1)),
    ('Pakistan has ordered its air force to be on alert.', (0, 1)),
    ('The Pakistani leader froze the assets of the two groups India blames for the attack.', (0, 1)),
    ('British Prime Minister Tony Blair is expected to urge both leaders to show restraint.', (1, 0)),
    ("India's Defence Minister says the army is ready to face any challenge.", (0, 1)),
    ('The Foreign Minister says India has not closed the door on dialogue.', (1, 0)),
    ('The Indian Prime Minister says there will be no meeting with General Musharraf in Kathmandu.', (1, 0)),
    ("Pakistan has banned two militant groups blamed for the attack on India's parliament.", (0, 1)),
    ('The army has been given a free hand to deal with the situation.', (0, 1)),
    ('The union says members will hold stop-work meetings across the state.', (0, 0)),
    ('Qantas says it will not bow to union pressure and has refused to reopen negotiations.', (0, 0)),
    ('Virgin Blue has slashed its fares in response to the new discount airline.', (0, 0)),
    ('The former champion says he is ready to fight for his title again.', (0, 0)),
    ("The state's fire commissioner says crews are battling 80 fires.", (0, 0)),
    ('Police say a man has been arrested over the armed robbery of a service station.', (0, 0)),
    # a seventh batch, the last probe (19 of 25 passed before fixing; 22 after two general
    # fixes: suspended contacts as pressure, power-sharing; cricket words); the rest is below
    ('The Israeli cabinet voted to suspend all contacts with the Palestinian Authority.', (1, 1)),
    ('Palestinian negotiators say they are willing to return to the table if the siege is lifted.', (1, 1)),
    ('The US special envoy is due to hold talks with both leaders tomorrow.', (1, 0)),
    ('Israeli forces demolished a dozen homes in the Rafah refugee camp.', (0, 1)),
    ('Palestinian gunmen opened fire on an Israeli car near Ramallah.', (0, 1)),
    ('The Arab League has called an emergency summit.', (1, 0)),
    ("The Taliban's former foreign minister has surrendered to US forces in Kandahar.", (0, 1)),
    ('The loya jirga will choose a transitional government in June.', (0, 0)),
    ('US planes dropped food parcels over northern Afghanistan.', (0, 0)),
    ('The Northern Alliance has agreed to share power with the other factions.', (1, 0)),
    ('Pakistan has sealed its border with Afghanistan to stop fleeing Al Qaeda fighters.', (0, 1)),
    ("India's Home Minister says Pakistan must act against the groups or face the consequences.", (0, 1)),
    ('The two armies exchanged heavy artillery fire across the Line of Control.', (0, 1)),
    ('New Delhi has rejected an offer of mediation from Washington.', (1, 0)),
    ("Pakistan's foreign minister says his country is open to talks with India on all issues, including Kashmir.", (1, 0)),
    ('Both countries have test-fired nuclear-capable missiles in recent years.', (0, 1)),
    ('Indian police say they have shot dead two militants in Srinagar.', (0, 1)),
    ('The Commonwealth says it will send observers to the Zimbabwe election.', (0, 0)),
    ('The Reserve Bank has left interest rates on hold.', (0, 0)),
    ('Ansett staff have been told the airline will not fly again.', (0, 0)),
    ('The Australian batsmen were on the attack from the first over.', (0, 0)),
    ('The storm destroyed dozens of homes and left thousands without power.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), GENERALISATION_CASES)
def test_generalisation_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# The last probe's failures, kept as a record of what the lexicon does not generalise to.
GENERALISATION_KNOWN_FAILURES = [
    pytest.param(
        'Israel says the offer is not enough.',
        (1, 0),
        marks=pytest.mark.xfail(
            reason="a bare 'offer' is a weak cue (job, business and wage offers); the talks are "
            "in other sentences",
            strict=False,
        ),
    ),
    pytest.param(
        'Mr Sharon says Israel will not negotiate under fire.',
        (1, 1),
        marks=pytest.mark.xfail(
            reason="'under fire' is mostly figurative (criticism), so 'fire' stays a weak cue",
            strict=False,
        ),
    ),
    pytest.param(
        'Afghan warlords are jostling for power in the provinces.',
        (0, 1),
        marks=pytest.mark.xfail(
            reason='an actor noun alone (warlords, rebels, militants) is a weak cue by design',
            strict=False,
        ),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), GENERALISATION_KNOWN_FAILURES)
def test_generalisation_known_failures(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Second generalisation pass (issue 3): two probes of sentences written for these tests
# before the cues were added (19/32 passed, then 21/26 and 23/30 on fresh batches); each row
# is a pattern of other conflicts' coverage or of other news, none a gold sentence.
SECOND_PASS_CASES = [
    # contact and commitments without talks words
    ("The Sudanese army chief said he would not mind meeting the RSF commander face to face.", (1, 0)),
    ("Kim Jong Un said he would not mind sitting down with the South Korean president.", (1, 0)),
    ("Tribal leaders held a meeting with both militias to end the attacks on the highway.", (1, 1)),
    ("Clan elders convened a meeting of the rival factions in Baidoa to stop the fighting.", (1, 0)),
    ("Seoul says it deals only with the government in Pyongyang and not with its military.", (1, 0)),
    (
        "The government said it negotiates only with the FARC leadership and not with its "
        "splinter groups.",
        (1, 0),
    ),
    ("The Houthis promised to stop attacks on shipping in the Red Sea.", (1, 1)),
    ("The Houthis announced a decision to halt their attacks on Saudi territory.", (1, 1)),
    ("Colombia's ELN said it had ordered its fighters to stop attacks during the election.", (1, 1)),
    ("Damascus welcomed a promise from the Kurdish commander to rein in his fighters.", (1, 0)),
    ("The Ethiopian prime minister said peace was the only way forward for Tigray.", (1, 0)),
    ("Dialogue is the only way to settle the dispute over Nagorno-Karabakh, the minister said.", (1, 0)),
    ("The UN envoy's mission to Addis Ababa ended without a breakthrough.", (1, 0)),
    ("The UN envoy's mission to Khartoum is expected to last a week.", (1, 0)),
    ("The peace process in Colombia has stalled since the election.", (1, 0)),
    ("Belgrade objected to the plans discussed in Brussels for the northern municipalities.", (1, 0)),
    ("The rebels handed over the district to community elders after a week of talks.", (1, 0)),
    ("The militia would begin handing over the town to Pashtun tribal leaders on Friday.", (1, 0)),
    ("The Serbian president said Serbia would never start a war over Kosovo.", (1, 1)),
    ("The militants' spokesman said the group would attend the talks in Doha.", (1, 0)),
    (
        "Rebel fighters agreed to hand over the town to local elders under a deal brokered by "
        "clerics.",
        (1, 0),
    ),
    ("The rebels will surrender their weapons to the elders under the agreement.", (1, 0)),
    ("The junta gave a pledge to the mediators to disarm the militias in the capital.", (1, 0)),
    # event names (rule 5) against a feared war
    ("Security has been tight since the September 11 attacks.", (0, 0)),
    ("The airline's losses have grown since the attacks in the United States on September 11.", (0, 0)),
    ("Tourism has never recovered since the attacks on Bali on October 12.", (0, 0)),
    ("Hotels in Mumbai reopened a year after the November 26 attacks.", (0, 0)),
    ("The September 11 attacks killed nearly 3,000 people.", (0, 1)),
    ("Fears are growing of a war between Eritrea and Ethiopia.", (0, 1)),
    ("There are growing fears of a wider conflict in the Horn of Africa.", (0, 1)),
    ("Taiwan warned of the danger of a military confrontation in the strait.", (0, 1)),
    ("Analysts warn that a war over Taiwan could draw in the United States.", (0, 1)),
    # deployments without war words
    ("The African Union will send 5,000 peacekeepers to Somalia.", (0, 1)),
    ("Kosovo wants an international security presence to stay in the north.", (0, 1)),
    ("A multinational stabilisation force will be sent to Haiti.", (0, 1)),
    ("Washington says it will keep a strong military presence on the Korean peninsula.", (0, 1)),
    ("Some 3,000 troops are to be deployed along the border with Colombia.", (0, 1)),
    ("Another 2,000 troops are to be sent to Mali next month.", (0, 1)),
    # diplomatic sanctions: contact reduced, imposed as pressure
    ("Tehran said the embassy in London would have to halve its staff.", (1, 1)),
    ("Ethiopia has barred Eritrean aircraft from flying over its territory.", (0, 1)),
    ("The airline was banned from flying into the EU over safety concerns.", (0, 0)),
    ("Light aircraft are not allowed to fly over the city during the festival.", (0, 0)),
    # escalation words that are not force here
    ("Police arrested two opposition politicians in Seoul over a corruption scandal.", (0, 0)),
    ("Police arrested the mayor of Bogota on corruption charges.", (0, 0)),
    ("The opposition leader has been under house arrest since the coup.", (0, 0)),
    ("Israeli troops arrested dozens of militants in raids on Jenin.", (0, 1)),
    ("The row over ministries threatens to undermine the peace process in South Sudan.", (1, 0)),
    ("The dispute over ministries threatens to derail the Juba peace agreement.", (1, 0)),
    ("The militia's leader, a former teacher, was born in Darfur.", (0, 0)),
    ("Azerbaijan demanded that Armenian forces surrender or face destruction.", (0, 1)),
    # other news: labour
    ("The union says the company has been belligerent in every round of pay negotiations.", (0, 0)),
    ("The nurses' union says it is ready to come back to the table if the wage offer improves.", (0, 0)),
    ("The company says an agreement will be reached after the workers' ballot.", (0, 0)),
    ("Staff at the carmaker will vote in a secret ballot on the new agreement.", (0, 0)),
    ("Teachers in Seoul threatened strike action over the new pay deal.", (0, 0)),
    # other conflicts, plain
    ("Iran and the IAEA agreed on a new framework for inspections.", (1, 0)),
    ("Drones struck an oil depot in Port Sudan overnight.", (0, 1)),
    ("The Colombian government and the ELN signed a six-month ceasefire in Havana.", (1, 0)),
    ("North Korea fired two ballistic missiles into the sea off its east coast.", (0, 1)),
    ("Yerevan says Azerbaijani troops shelled villages near the border overnight.", (0, 1)),
    # a third probe, ten conflicts (23/30 before its fixes): armed groups as parties to a
    # diplomatic act, group names, liaison offices, enrichment, flight, exchanges of fire
    ("Syrian government forces and Kurdish fighters agreed to a prisoner swap brokered by Russia.", (1, 0)),
    ("Turkish jets pounded Kurdish positions in northern Syria for a third day.", (0, 1)),
    ("Saudi Arabia and the Houthis have held back-channel contacts in Muscat.", (1, 0)),
    ("A Saudi-led coalition air raid hit a school bus in Saada province.", (0, 1)),
    ("The RSF laid siege to El Fasher, cutting off food supplies to half a million people.", (0, 1)),
    ("Jeddah talks between the army and the RSF collapsed in December.", (1, 0)),
    (
        "The Tigray People's Liberation Front handed over heavy weapons under the Pretoria "
        "agreement.",
        (1, 0),
    ),
    ("Eritrean troops have refused to withdraw from the border town.", (0, 1)),
    ("Pyongyang cut the military hotline with Seoul in protest at the drills.", (1, 1)),
    ("The two Koreas agreed to reopen the liaison office in Kaesong.", (1, 0)),
    ("Chinese warships encircled Taiwan in the largest exercise in years.", (0, 1)),
    ("Beijing urged Washington to stop arms sales to Taipei.", (0, 1)),
    ("Iran says it is open to indirect talks with the United States through Oman.", (1, 0)),
    ("Iran enriched uranium to 60 percent purity, the IAEA said.", (0, 1)),
    ("FARC dissidents ambushed a police patrol in Cauca, killing four officers.", (0, 1)),
    ("The government suspended the bilateral ceasefire with the ELN after a car bomb.", (1, 1)),
    ("EU-facilitated dialogue between Belgrade and Pristina resumed in Brussels.", (1, 0)),
    ("Serbia put its army on the highest state of combat readiness near Kosovo.", (0, 1)),
    ("Armenia and Azerbaijan agreed on the text of a peace treaty.", (1, 0)),
    ("Azerbaijani forces launched a lightning offensive in Nagorno-Karabakh.", (0, 1)),
    ("More than 100,000 ethnic Armenians fled the region within a week.", (0, 1)),
    ("Residents fled their homes as the bushfire jumped the highway.", (0, 0)),
    ("The central bank raised interest rates to fight inflation.", (0, 0)),
    ("Qatar is mediating between Israel and Hamas over the release of hostages.", (1, 0)),
    ("The Security Council extended the mandate of the UN mission in South Sudan.", (0, 0)),
    ("The opposition walked out of parliament in protest at the budget.", (0, 0)),
    ("Both sides accused each other of violating the truce.", (1, 1)),
    ("Pakistan and the Afghan Taliban exchanged fire at the Torkham crossing.", (0, 1)),
    (
        "The Pakistani army chief met the Taliban's interior minister in Kabul to ease border "
        "tensions.",
        (1, 1),
    ),
    ("The president pardoned 200 rebel prisoners as a goodwill gesture ahead of the talks.", (1, 0)),
    ("The rebels said they would keep fighting until the regime falls.", (0, 1)),
    ("Rebels attacked the town despite the agreement.", (1, 1)),
    # a fourth probe, other news and background (19/25 before its fixes): labour
    # accusations, sports and political "attacks", budget warnings, the Olympic torch
    (
        "The airline's pilots have threatened further industrial action if the company refuses "
        "to negotiate.",
        (0, 0),
    ),
    ("Union leaders accused management of an aggressive campaign to break the strike.", (0, 0)),
    ("The two supermarket chains are locked in a bitter price war.", (0, 0)),
    ("Fire crews are battling to contain a blaze that has destroyed 20 homes.", (0, 0)),
    ("The Wallabies launched a fierce attack in the second half.", (0, 0)),
    ("The opposition says the government's tax plan is an attack on families.", (0, 0)),
    ("Militants launched an attack on families sheltering in the school, killing six.", (0, 1)),
    ("Police fired tear gas at protesters outside parliament.", (0, 0)),
    ("The company said talks with creditors had broken down.", (0, 0)),
    ("The treasurer warned that the budget would return to deficit.", (0, 0)),
    ("Hundreds of asylum seekers on Nauru have begun a hunger strike.", (0, 0)),
    ("The bank's chief executive said the merger agreement would be signed next week.", (0, 0)),
    ("Mr Karzai, a Pashtun, was educated in India.", (0, 0)),
    ("Kashmir has been divided between India and Pakistan since 1947.", (0, 0)),
    ("The court sentenced the gunman to life in prison for the murders.", (0, 0)),
    ("The Olympic torch relay was met by protesters in Paris.", (0, 0)),
    ("Militiamen torched dozens of homes in the village.", (0, 1)),
    ("Doctors in the public system will vote next week on the government's pay offer.", (0, 0)),
    ("Air traffic controllers walked off the job, grounding all flights.", (0, 0)),
    ("The Prime Minister will fly to Jakarta for talks on trade and people smuggling.", (1, 0)),
    ("The minister said he would meet farmers' representatives on Monday.", (0, 0)),
    ("The city has been under curfew since the clashes began on Friday.", (0, 1)),
    # "on the ground" as where an agreement applies, not fighting
    ("The ceasefire plan was agreed months ago but never took hold on the ground.", (1, 0)),
    ("Troops on the ground continued to advance despite the truce.", (1, 1)),
    # a fifth probe in 2001 wire style (27/30 before its fixes)
    ("Israeli tanks have moved into the West Bank town of Tulkarem.", (0, 1)),
    ("The Israeli Cabinet has decided to sever all ties with Yasser Arafat.", (1, 1)),
    ("Mr Peres says he is ready to resume contacts with the Palestinian leadership.", (1, 0)),
    ("The United States has frozen the assets of three Islamic charities.", (0, 1)),
    ("The Federal Court has frozen the assets of the collapsed insurer's former directors.", (0, 0)),
    ("Mr Arafat has called on his people to respect the ceasefire.", (1, 0)),
    ("Israel says it will not resume security talks until there are seven days of complete quiet.", (1, 0)),
    ("The Northern Alliance says it will not accept foreign troops in Kabul.", (0, 1)),
    ("Thousands of Afghan refugees are massing at the Pakistan border.", (0, 1)),
    ("Delegates at the Bonn conference have agreed on an interim administration.", (1, 0)),
    ("The Taliban's ambassador to Pakistan has held a news conference in Islamabad.", (0, 0)),
    ("Anti-Taliban forces are negotiating the surrender of foreign fighters in Kunduz.", (1, 1)),
    ("Opium production in Afghanistan has soared since the fall of the Taliban.", (0, 0)),
    ("India has moved short-range missiles closer to the border with Pakistan.", (0, 1)),
    ("The US Secretary of State will travel to New Delhi and Islamabad to urge restraint.", (1, 0)),
    ("India has ruled out any talks with Pakistan until cross-border terrorism ends.", (1, 1)),
    ("Indian and Pakistani troops traded gunfire across the Line of Control overnight.", (0, 1)),
    ("The South Asian summit in Kathmandu opened with a handshake between the two leaders.", (1, 0)),
    ("The Australian team will tour Pakistan next year despite security concerns.", (0, 0)),
    ("The ACTU says it will fight the Government's industrial relations changes.", (0, 0)),
    ("Parents say their patience is running out with the school board.", (0, 0)),
    # the new cues' look-alikes in other news
    ("There is a risk of a conflict of interest, the auditor said.", (0, 0)),
    ("Police exchanged fire with armed robbers after the bank robbery.", (0, 0)),
    ("The gunman fled the area before detectives arrived at the crime scene.", (0, 0)),
    ("A meeting of Labor factions will decide the preselection on Sunday.", (0, 0)),
    ("The company deals only with accredited suppliers.", (0, 0)),
    ("There had been a meeting of various Palestinian factions in Gaza.", (1, 0)),
    # a sixth probe (11/20 before its fixes): surrender terms, rockets, joint inquiries,
    # sponsoring militants, states of emergency, an attack's name, protesters burning flags
    ("The Palestinians have rejected Israel's demand for seven days of quiet before talks resume.", (1, 0)),
    ("The US envoy held separate meetings with Israeli and Palestinian security chiefs.", (1, 0)),
    ("Hamas has agreed to stop firing rockets into Israel, a senior official said.", (1, 1)),
    (
        "The Taliban commander said his men would lay down their arms if their safety was "
        "guaranteed.",
        (1, 0),
    ),
    ("The rebels must surrender their weapons, the general said.", (0, 1)),
    ("He said the rebels would surrender if the army withdrew.", (1, 1)),
    ("Tribal elders are negotiating with the Taliban for the handover of Kandahar.", (1, 0)),
    ("The interim government will take office in Kabul on December 22.", (0, 0)),
    ("A British-led international force of about 4,500 troops will patrol Kabul.", (0, 1)),
    ("India has demanded that Pakistan hand over 20 suspects wanted for terrorism.", (0, 1)),
    (
        "Pakistan has offered to hold a joint investigation with India into the parliament attack.",
        (1, 0),
    ),
    ("The hotel attack killed 12 people.", (0, 1)),
    ("New Delhi says there can be no dialogue while Pakistan continues to sponsor militants.", (1, 1)),
    ("The two leaders did not meet at the summit, though they shook hands.", (1, 0)),
    ("The head of the UN mission in Kabul says aid convoys are again reaching the north.", (0, 0)),
    ("Colin Powell says the Mitchell plan remains the best way forward.", (1, 0)),
    ("The Palestinian Authority has declared a state of emergency.", (0, 1)),
    ("The governor declared a state of emergency as floodwaters rose.", (0, 0)),
    ("Fighting between rival warlords has broken out in the eastern city of Gardez.", (0, 1)),
    (
        "The Sudanese government and the SPLA have signed a memorandum on humanitarian access "
        "to the Nuba mountains.",
        (1, 0),
    ),
    ("Protesters in Jakarta burned American flags outside the embassy.", (0, 0)),
    ("Militiamen burned the village to the ground.", (0, 1)),
    # a seventh probe (15/20 before its fixes): withdrawals under a deal, proxy backing,
    # ramming at sea, an envoy's title
    ("Myanmar's military government has rejected calls from ASEAN to open talks with the opposition.", (1, 0)),
    ("The junta's jets bombed a village in Sagaing, killing at least 30 people.", (0, 1)),
    ("Somalia's president invited al-Shabaab to lay down their arms and join the political process.", (1, 1)),
    ("Al-Shabaab fighters overran an army base near Mogadishu.", (0, 1)),
    ("Libya's rival governments agreed to hold elections under a UN-backed road map.", (1, 0)),
    ("Forces loyal to General Haftar advanced on the outskirts of Tripoli.", (0, 1)),
    ("The M23 rebels withdrew from Bunagana under a deal mediated by Angola.", (1, 0)),
    ("Russia withdrew from the grain deal in July.", (1, 1)),
    ("Rwanda denies backing the M23 rebels.", (0, 1)),
    ("The Nagorno-Karabakh ceasefire has largely held since November.", (1, 0)),
    ("Georgia and Russia have had no diplomatic relations since 2008.", (1, 0)),
    (
        "The Philippine coast guard accused Chinese vessels of ramming its ship near Second "
        "Thomas Shoal.",
        (0, 1),
    ),
    ("Manila and Beijing agreed to set up a hotline to manage incidents at sea.", (1, 0)),
    ("Egypt and Qatar have presented a new proposal for a phased release of hostages.", (1, 0)),
    ("Turkey has threatened a new ground operation against Kurdish militias in northern Syria.", (0, 1)),
    ("Kurdish officials said they were open to dialogue with Ankara.", (1, 0)),
    ("The UN special envoy for Yemen briefed the Security Council on Tuesday.", (0, 0)),
    ("The UN envoy for Syria held talks with both sides in Geneva.", (1, 0)),
    ("Sudan's army chief vowed to fight until the RSF is defeated.", (0, 1)),
    ("Ethiopia and Egypt have failed to reach agreement on the filling of the Nile dam.", (1, 0)),
    ("The cricket board says the tour will go ahead despite the security situation.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), SECOND_PASS_CASES)
def test_second_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


def _xfail(sentence, expected, reason):
    return pytest.param(sentence, expected, marks=pytest.mark.xfail(reason=reason, strict=False))


# What the second pass's probes found and the lexicon still does not do.
SECOND_PASS_KNOWN_FAILURES = [
    _xfail(
        "Baku and Yerevan will meet again in Washington next month.",
        (1, 0),
        "two capitals meeting: without knowing the camps, 'X and Y met' is allies as often as "
        "adversaries (and a cue starting at any capitalised word slows every sentence)",
    ),
    _xfail(
        "The foreign ministers of Armenia and Azerbaijan met in Almaty on Tuesday.",
        (1, 0),
        "same: a meeting of two named states needs to know they are on opposite sides",
    ),
    _xfail(
        "Kosovo Serbs objected to the proposals drawn up in Brussels.",
        (1, 0),
        "a position on proposals is a weak cue alone (residents object to building plans too)",
    ),
    _xfail(
        "Mr Zinni is due to meet Mr Arafat again on Saturday.",
        (1, 0),
        "two named people meeting: the scorer does not know they lead opposing sides",
    ),
    _xfail(
        "Mr Vajpayee says India's patience is running out.",
        (0, 1),
        "'patience is running out' is a weak cue: in domestic news it is frustration, not a "
        "warning",
    ),
    _xfail(
        "The militia's founder died in a Damascus hospital last year.",
        (0, 0),
        "the weakened descriptor plus 'died' reaches the threshold",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SECOND_PASS_KNOWN_FAILURES)
def test_second_pass_known_failures(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


KNOWN_FAILURES = [
    # restraint as escalation held back (seed gold: both frames); "holding back" is no cue
    (
        "A senior analyst told Newsweek that Putin could be holding back to leave room for negotiations.",
        (1, 1),
    ),
]


@pytest.mark.xfail(reason="needs knowledge of who is on which side, or of restraint as a frame", strict=False)
@pytest.mark.parametrize(("sentence", "expected"), KNOWN_FAILURES)
def test_known_failures(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Third pass (session 3): general patterns from two new hand-labelled sets
# (lee_ood2, corpus_fresh); the sentences here are written for the tests.
THIRD_PASS_CASES = [
    # a cue inside a hyphenated word
    ("The truce was part of a UN-brokered accord signed in Doha.", (1, 0)),
    ("An Egyptian-mediated ceasefire took hold on Sunday.", (1, 0)),
    # justice, not the war's cost
    ("He could face a treason charge, a crime punishable by death.", (0, 0)),
    ("The court sentenced the smuggler to death.", (0, 0)),
    ("Rebels executed prisoners of war, the report said.", (0, 1)),
    # a labour strike
    ("The union says the strike action will not cut power supplies.", (0, 0)),
    # a party's forces named, and fighters
    ("Israeli forces entered the refugee camp before dawn.", (0, 1)),
    ("Coalition forces moved into the valley overnight.", (0, 1)),
    ("The spokesman said he deeply regretted the deaths.", (0, 1)),
    ("About 14,000 people, including children, died as a result.", (0, 1)),
    ("Both ministers pledged more security and humanitarian assistance to Kyiv.", (0, 1)),
    ("It will take months for the new arms to arrive.", (0, 1)),
    ("The defence minister listed seven villages the army had liberated.", (0, 1)),
    ("Houthi drones were launched towards the port.", (0, 1)),
    # demands to stop the war are coercive (codebook rule 7) ...
    ("Russia must end the war in Ukraine immediately.", (0, 1)),
    ("The fighting in the east, which began in 2014, must be stopped now.", (0, 1)),
    # ... unless put as a negotiated path
    ("Both sides must end the war through negotiations.", (1, 0)),
    # accusations of breaking international law
    ("Moscow is violating international law and the UN Charter.", (0, 1)),
    # humanitarian or budget aid is not military aid
    ("Japan announced a humanitarian aid package for Ukraine.", (0, 0)),
    ("The EU approved a package of economic aid for Kyiv.", (0, 0)),
    ("Washington announced a new security assistance package for Kyiv.", (0, 1)),
    # civil nuclear power, a rank in a name, cricket
    ("Fifteen countries have signed nuclear power deals with Rosatom.", (0, 0)),
    ("Shelling near the nuclear power plant cut its external power line.", (0, 1)),
    ("Medvedev reminded the West that Russia is a nuclear power and will use all means.", (0, 1)),
    ("The statement was attributed to Air Force Brig. Gen. Pat Ryder.", (0, 0)),
    ("The selectors are worried about the team's pace attack.", (0, 0)),
    # the war as the backdrop (codebook rule 5)
    ("He stressed the need to keep lines of communication open amid the ongoing war against Ukraine.", (1, 0)),
    ("Grain prices rose amid the war in Ukraine.", (0, 0)),
    # "Union" in a state's name is no trade union
    ("Sanctions are a tool of the United States and the European Union.", (0, 1)),
    # a sanctions designation; the front
    ("The Treasury is designating two companies pursuant to E.O. 14024.", (0, 1)),
    ("Russian troops will keep advancing along the engagement line.", (0, 1)),
    ("The monitors patrol the line of contact under the ceasefire.", (1, 0)),
    # consular matters are not talks across the conflict
    ("The opposition urged the government to seek diplomatic access to the detained man.", (0, 0)),
    # a summit inside one camp (codebook rule 4; analysis.camps), once a known failure
    ("European leaders discussed the crisis at a summit in Brussels.", (0, 0)),
    # a call with the other side's minister after another contact cue
    ("The US defense secretary spoke by phone with the Russian defense minister.", (1, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), THIRD_PASS_CASES)
def test_third_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Fourth pass (session 4): diplomacy error classes recurring across the tuning
# sets; the sentences here are written for the tests.
FOURTH_PASS_CASES = [
    # contact kept up or called for, relations cut (passive voice)
    ("The two presidents will continue their contacts.", (1, 0)),
    ("The chancellor pressed for direct contact between the two leaders.", (1, 0)),
    ("Ties with Minsk will be severed if its army joins the attack.", (1, 1)),
    # a readout: the parties of a call discuss the conflict ...
    ("The parties went on to discuss the situation in the Donbas.", (1, 0)),
    ("The leaders discussed the latest developments around Ukraine.", (1, 0)),
    ("The two presidents continued their exchange of opinions on the crisis.", (1, 0)),
    # ... but a readout inside one camp about the front is not contact across it
    ("The leaders discussed the situation on the front line.", (0, 0)),
    # ... but not support inside one camp (codebook rule 4)
    ("The leaders discussed further military support for Kyiv.", (0, 1)),
    # a concession on alliance membership (codebook rule 7)
    ("Washington once proposed to delay Georgia's NATO membership by a decade.", (1, 0)),
    ("He offered to shelve the bid to join the alliance.", (1, 0)),
    # a title before a name, a legal delegation, an idiom, a weapon class (rule 3)
    ("A member of the Russian negotiating team Pavel Orlov gave an interview on Sunday.", (0, 0)),
    ("Head of the Ukrainian delegation Ivan Petrenko flew home.", (0, 0)),
    ("Pursuant to a delegation of authority, the minister signed the order.", (0, 0)),
    ("At the assembly the nations spoke with one voice on the resolution.", (0, 0)),
    ("The navy tested an intermediary-range missile.", (0, 1)),
    # talks by a delegation are still talks
    ("The Ukrainian delegation arrived for talks in Istanbul.", (1, 0)),
    # peacekeeping as a deployment; peacekeeping as a role
    ("The council authorised foreign troops to keep the peace in the capital.", (0, 1)),
    ("Canada offered a battalion of troops for peacekeeping duties.", (0, 1)),
    ("Minsk claims a peacekeeping role between the two neighbours.", (1, 0)),
    # peace as a stock value, not a negotiated path
    ("He called the rebel leader the main obstacle to peace and stability in the region.", (0, 0)),
    ("Both sides say they want peace.", (1, 0)),
    # an offer of force is no concession
    ("Despite an offer of troops, the ministry said none would be sent.", (0, 1)),
    ("The minister accepted Australia's offer of troops.", (0, 1)),
    ("Kyiv repeated its offer of talks with Moscow.", (1, 0)),
    # "talks" as a verb with a pronoun; a consular presence
    ("If a minister talks about it on television, nothing changes.", (0, 0)),
    ("The consul said a diplomatic presence in the city was not possible.", (0, 0)),
    # an accusation of breaking agreements in general (like international law)
    ("Such a test violates international agreements.", (0, 0)),
    ("Moscow broke the ceasefire agreement within hours.", (1, 0)),
    # sanctions agreed inside one camp (codebook rule 4) ...
    ("The agreement on an oil price cap tightens the pressure on the Kremlin.", (0, 1)),
    # ... but an agreement to lift sanctions is a negotiated step (the
    # sanctions named keep their escalation cue)
    ("The agreement would see the sanctions lifted in stages.", (1, 1)),
    # escalation: troop movements without a war word
    ("They moved their forces out of the town overnight.", (0, 1)),
    ("No forces returned to the village that night.", (0, 1)),
    # technology news is not conflict ...
    ("Security firms warned that the new email virus is attacking home computers.", (0, 0)),
    ("The software maker warns users against opening unknown attachments.", (0, 0)),
    # ... unless a party of a conflict is named
    ("Russian hackers attacked Ukrainian government websites.", (0, 1)),
    # political support for a state's sovereignty is no force ...
    ("The minister reaffirmed Britain's firm support for Ukraine's sovereignty and territorial integrity.", (0, 0)),
    ("Georgia's territorial integrity is unconditional, the senators said.", (0, 0)),
    ("The vote showed broad support for Ukraine and a defense of freedom.", (0, 0)),
    ("After another Russian invasion, the region was unconditionally backed by its allies.", (0, 0)),
    # ... but military support and a demand to withdraw are (codebook rule 7)
    ("The new package of weapons shows support for Ukraine.", (0, 1)),
    ("The assembly demanded the army's complete and immediate withdrawal from the region.", (0, 1)),
    ("The rebels demanded an unconditional surrender.", (0, 1)),
    ("Party elders are calling for the senator's withdrawal from the race.", (0, 0)),
    # violence and bloodshed named while their end is sought are a description of
    # fighting (escalation too); the war or the conflict ended is the event's name
    ("The envoy left after failing to bring a halt to the bloodshed.", (1, 1)),
    ("Officials noted a sharp drop in violence after the truce.", (1, 1)),
    (
        "Mr Sharon has told Washington that Israel wants an end to Palestinian violence before "
        "any political negotiations.",
        (1, 1),
    ),  # a known failure of the second pass until now
    ("Kyiv wants to negotiate an end to the war.", (1, 0)),
    # a place or people targeted (passive) is force or pressure
    ("The port district was targeted overnight.", (0, 1)),
    ("Several oligarchs are being targeted as well.", (0, 1)),
    ("The campaign targeted young voters online.", (0, 0)),
    # a nuclear status or disarmament is no threat ...
    ("The minister backs the goal of nuclear disarmament.", (0, 0)),
    ("Two nuclear powers would act as guarantors of the deal.", (1, 0)),
    # ... a nuclear threat is
    ("He warned that nuclear powers could use their arsenals.", (0, 1)),
    # the narrower contexts: e-mail is no technology story, a readout is about
    # the conflict, a waiver of sanctions is a negotiated step, hate is no force
    ("Gunmen attacked the compound at night, an email from the consulate said.", (0, 1)),
    ("The leaders were expected to discuss climate change.", (0, 0)),
    ("The bill would bar the president from waiving sanctions under any new agreement.", (1, 1)),
    ("Minorities are still targeted by hate online.", (0, 0)),
    # a neutral party, venue or status (a position between the sides)
    ("Vienna is seen as a neutral venue for the meeting.", (1, 0)),
    ("The plan foresees a neutral, nuclear-free status for the island.", (1, 0)),
    ("Neutral observers were not allowed in.", (0, 0)),
    # a frozen conflict is a ceasefire by another name, not an asset freeze
    ("Kyiv rejects any plan to freeze the conflict.", (1, 0)),
    ("The war could be frozen for years, analysts said.", (1, 0)),
    ("The bank froze the accounts of two oligarchs.", (0, 1)),
    # domestic politics is neither frame (codebook: news about other matters) ...
    ("Senate negotiators reached a compromise on the spending bill.", (0, 0)),
    ("The state's delegation to the party convention backed the governor.", (0, 0)),
    ("The two candidates are deadlocked in the primary.", (0, 0)),
    # ... unless the conflict's vocabulary is there
    ("Lawmakers urged the president to push for a ceasefire deal.", (1, 0)),
    ("Senators met the foreign minister to discuss the peace talks.", (1, 0)),
    # an agreement not to use force (a known failure until the fourth pass)
    ("Venezuela and Guyana agreed not to use force in their territorial dispute.", (1, 1)),
    ("Both governments pledged never to attack each other.", (1, 1)),
    # readiness for talks, or talks made hard
    ("It is hard to talk after what they did to the village.", (1, 0)),
    ("He said he was ready to talk about his tax plan.", (0, 0)),
    # a warning of consequences
    ("Any further delay will have grave consequences for Moscow, he warned.", (0, 1)),
    ("Stalling the talks would have negative consequences for both countries.", (1, 1)),
    ("The decision could have big consequences in November.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), FOURTH_PASS_CASES)
def test_fourth_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


FIFTH_PASS_CASES = [
    # the war's cost and its shape: dying, encirclement, a long war
    ("People are dying while the leaders argue.", (0, 1)),
    ("The port city is almost surrounded, officials said.", (0, 1)),
    ("The garrison was surrounded by enemy forces overnight.", (0, 1)),
    ("The minister was surrounded by aides at the launch.", (0, 0)),
    ("Analysts fear the conflict could prove long and costly.", (0, 1)),
    ("It will be a long and exhausting conflict, the general said.", (0, 1)),
    ("The two-year-long dispute over the budget is over.", (0, 0)),
    # conquest, overthrow, occupation, seizure with a real object
    ("The campaign was a war of conquest.", (0, 1)),
    ("She savoured a note of conquest after the vote.", (0, 0)),
    ("The rebels tried to overthrow the government.", (0, 1)),
    ("He wants to overthrow the system, his critics say.", (0, 0)),
    ("Their aim is to occupy the whole country.", (0, 1)),
    ("Protesters plan an Occupy-style camp outside the hall.", (0, 0)),
    ("The army seized Mosul in a week.", (0, 1)),
    ("They are seizing the moment.", (0, 0)),
    # sanctions in legal wording
    ("Citizens are prohibited from engaging in transactions with the central bank.", (0, 1)),
    ("The measure immobilizes the assets of the central bank.", (0, 1)),
    ("The order bans the importation of crude oil.", (0, 1)),
    ("The new rules restrict the regime's access to its reserves.", (0, 1)),
    # invitations to talk, mediation, a way out, talking to the other side
    ("The door is open, they are welcome to come and talk.", (1, 0)),
    ("The alliance's door is open to new members.", (0, 0)),
    ("The store's door is open to shoppers until noon.", (0, 0)),
    ("The chancellor promised to take the matter up with the other government.", (1, 0)),
    ("They need a face-saving way out.", (1, 0)),
    ("We need to talk to Russia.", (1, 0)),
    ("I am in favour of a quick meeting with Putin.", (1, 0)),
    ("She needs to talk to reporters.", (0, 0)),
    # pressure on a party to the conflict (not on a nominee), sanctions in other words
    ("The allies vowed to keep the pressure on Moscow.", (0, 1)),
    ("Party leaders kept the pressure on the nominee.", (0, 0)),
    ("The new rules restrict the junta's access to its foreign reserves.", (0, 1)),
    ("The levy will deprive the regime of billions in export revenues.", (0, 1)),
    # deterrent commitments, widening, rationales and blame for war
    ("We will defend every inch of allied territory.", (0, 1)),
    ("Moscow warned against direct involvement in the conflict.", (0, 1)),
    ("The essay laid out a pretext for invasion.", (0, 1)),
    ("He blamed the alliance for starting the war.", (0, 1)),
    # fighting words without war words, demonising a government
    ("Armoured columns are pushing into the suburbs.", (0, 1)),
    ("The army is preparing a counteroffensive in the south.", (0, 1)),
    ("Private military companies recruit in prisons.", (0, 1)),
    ("The stated aim is to demilitarise the country.", (0, 1)),
    ("He condemned a campaign of cruelty against civilians.", (0, 1)),
    ("The general denounced the neo-Nazi regime in the capital.", (0, 1)),
    ("Neo-Nazis marched in the town.", (0, 0)),
    # a diplomatic resolution (not tact)
    ("Both sides want to resolve the dispute diplomatically.", (1, 0)),
    ("She answered diplomatically when asked about her rival.", (0, 0)),
    # a body where both sides sit meets; the leaders in one room
    ("The Security Council met on Friday to discuss the crisis on the border.", (1, 0)),
    ("The mediators hope to get both presidents in the same room next month.", (1, 0)),
    # the sanctions office alone (it also grants licences) is weak
    ("OFAC also issued a general license for humanitarian shipments.", (0, 0)),
    # an act of aggression; a wider conflagration (a bare one is a row or a fire)
    ("They described the move as an act of aggression.", (0, 1)),
    ("Diplomats fear a wider regional conflagration.", (0, 1)),
    ("The conflagration over his remarks dominated the week.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), FIFTH_PASS_CASES)
def test_fifth_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Sixth pass: a coverage audit of the cue concepts (inflections, spellings,
# near-synonyms) instead of one tuning-set error at a time; state, demonym and
# city names come from frame_places.csv ({state}, {demonym}, {city} in a cue).
SIXTH_PASS_CASES = [
    # the communiqué with its accent; prisoner swaps
    ("We have the Istanbul Communiqué, which sets out our position.", (1, 0)),
    ("The leaders issued a joint communiqué on the talks.", (1, 0)),
    ("The sides swapped 390 prisoners each on Friday.", (1, 0)),
    ("The band swapped guitars for synthesisers.", (0, 0)),
    # a counterpart, troops, isolation and pressure named by any state
    ("The minister met his Armenian counterpart in Moscow.", (1, 0)),
    ("Eritrean and Ethiopian troops were seen near the town.", (0, 1)),
    ("Venezuelan troops massed near the river.", (0, 1)),
    ("The sanctions are meant to isolate Belarus.", (0, 1)),
    ("Washington must keep the pressure on Tehran.", (0, 1)),
    ("Republican senators kept the pressure on the nominee.", (0, 0)),
    ("The president spoke with his Republican counterparts in Congress.", (0, 0)),
    # named agreements and formats of talks, by a general pattern
    ("It is a reworking of the Budapest Memorandum of 1994.", (1, 0)),
    ("Kyiv still cites the Helsinki Final Act.", (1, 0)),
    ("The leaders met in the Normandy format in Paris.", (1, 0)),
    ("The Astana process has stalled since the spring.", (1, 0)),
    ("He read the Declaration of Independence aloud.", (0, 0)),
    ("The Paris Accord commits countries to cut emissions.", (0, 0)),
    ("Allies coordinated in the Ramstein format on Tuesday.", (0, 1)),  # weapons, not talks
    ("The Senate process took longer than expected.", (0, 0)),
    # near-synonyms of talks, concessions and guarantees
    ("The peace-making effort of the Vatican continued.", (1, 0)),
    ("Both sides showed some flexibility on the timetable.", (1, 0)),
    ("The two sides narrowed their differences on the draft.", (1, 0)),  # weak alone (0.6)
    ("Colleagues at the office settled their differences over lunch.", (0, 0)),
    ("Turkey pushed for a political settlement of the crisis.", (1, 0)),
    ("He opposed the re-settlement of the families in the state.", (0, 0)),
    ("The two sides exchanged draft memoranda.", (1, 0)),
    ("Kyiv wants security assurances from its partners.", (1, 0)),
    ("Analysts do not rule out a conflict freeze next year.", (1, 0)),
    ("Putin and Macron spoke by phone on Sunday.", (1, 0)),
    # escalation: blowing up targets, retaking ground, breaching defences
    ("Russian troops blew up the dam before they withdrew.", (0, 1)),
    ("The railway bridge was blown up overnight.", (0, 1)),
    ("The merger talks blew up last week.", (0, 0)),
    ("Kyiv vowed to retake Crimea.", (0, 1)),
    ("Democrats hope to retake the House in November.", (0, 0)),
    ("The Russians breached Ukrainian defences near the river.", (0, 1)),
    ("Russia cut off gas to Poland and Bulgaria.", (0, 1)),
    ("The council cut off water to the stadium.", (0, 0)),
    ("Moscow recognised the independence of the two breakaway regions.", (0, 1)),
    ("The invasion force gathered on the border.", (0, 1)),
    ("Ukraine hit a Russian airbase in Crimea.", (0, 1)),
    ("Beijing is militarising the disputed islands.", (0, 1)),
    ("Russia weaponised its gas exports.", (0, 1)),
    ("The region has been war-torn for a decade.", (0, 1)),
    ("The standoff became a test of brinkmanship.", (0, 1)),
    ("Analysts watched the concentration of troops near the border.", (0, 1)),
    # meeting and informing as weak contact: diplomacy only with both camps beside them
    ("Putin informed Erdogan about the decision.", (1, 0)),
    ("Vladimir Putin met Recep Tayyip Erdogan in Sochi to discuss grain.", (1, 0)),
    ("Vladimir Putin met Recep Tayyip Erdogan in Sochi.", (0, 0)),  # 0.54: weak alone
    ("The coach met the players after training.", (0, 0)),
    ("The plans fall short of what is needed to meet the goal.", (0, 0)),
    ("Zelensky informed Biden about the situation at the front.", (0, 0)),  # one camp
    # inflections and near-synonyms of the escalation side
    ("Such ultimata are not worth attention.", (0, 1)),
    ("He has a plan to brutalise the country.", (0, 1)),
    ("The army is laying waste to the cities of the south.", (0, 1)),
    ("The partial call-up sent thousands of men abroad.", (0, 1)),
    ("He is looking forward to a call-up to the starting side.", (0, 0)),
    ("Ukrainians will defend their homeland.", (0, 1)),
    # concessions, openness, keeping channels open, partial halts, frozen conflicts
    ("Kyiv will not cede territory for a settlement.", (1, 0)),
    ("The two sides traded prisoners again on Monday.", (1, 0)),
    ("Trade bodies welcomed the budget.", (0, 0)),
    ("Macron has kept an open line to Putin.", (1, 0)),
    ("Zelensky signalled openness to a deal.", (1, 0)),
    ("Putin agreed to stop striking energy facilities for 30 days.", (1, 0)),
    ("Zelensky rejected any freeze of the conflict.", (1, 0)),
    ("Israel cut off electricity, food and water to Gaza.", (0, 1)),
    ("The army conducted clearance operations in the villages.", (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), SIXTH_PASS_CASES)
def test_sixth_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# Seventh pass: general ways news text names a negotiated path that earlier
# cues missed on unseen text (each with a row that must NOT fire).
SEVENTH_PASS_CASES = [
    # the terms of a settlement
    ("Any deal will have to spell out the terms of a settlement for the occupied regions.", (1, 0)),
    ("The two governments are still far apart on peace terms.", (1, 0)),
    ("In terms of casualties, the week was the worst since spring.", (0, 1)),
    ("The union rejected the terms of the pay offer.", (0, 0)),  # weak alone (0.6)
    ("Customers must accept the terms of service before they log in.", (0, 0)),
    # documents signed by leaders or delegations; signatories
    ("The leaders of the two breakaway regions signed these documents in Moscow.", (1, 0)),
    ("She signed documents transferring the property to her son.", (0, 0)),  # weak alone (0.5)
    ("Germany and France, the co-signatories, urged Kyiv to implement them.", (1, 0)),
    # counter-offers and replies to proposals
    ("Kyiv answered with a counter-proposal of its own.", (1, 0)),
    ("Moscow has yet to receive any response to its proposals on security.", (1, 0)),
    ("The company sent a written response to the regulator.", (0, 0)),  # weak alone (0.6)
    ("In response to the senator's proposal, the governor called a special session.", (0, 0)),
    # a numbered Minsk agreement written with a hyphen
    ("Any return to a Minsk-2 arrangement was ruled out by Kyiv.", (1, 0)),
    # contact refused, offered or held: talk to, parley, open to talks, calls, face to face
    ("The easiest thing would be to say we will not talk to them at all.", (1, 0)),
    ("The governor would not talk to reporters after the vote.", (0, 0)),
    ("Western leaders are reluctant to parley with the Kremlin.", (1, 0)),
    ("The State Department said it remained open to talks with Moscow.", (1, 0)),
    ("The senator said she was open to meeting voters in every county.", (0, 0)),
    ("Zelensky and Putin have never met face to face.", (1, 0)),
    ("Biden told Putin in a call that he wanted the grain to keep moving.", (1, 0)),  # both camps beside it
    ("The Kremlin said the call between Putin and Macron lasted 90 minutes.", (1, 0)),
    ("In a call with donors, the candidate praised his staff.", (0, 0)),  # weak alone (0.45)
    ("He made the remarks on a conference call with reporters.", (0, 0)),
    ("Christie would not say on the call-in show whether he wanted the job.", (0, 0)),
    # de-escalation and settlement: reduced hostilities, ending the war, resolving the crisis
    ("The command decided to reduce hostilities in the north.", (1, 0)),
    ("The company reduced its operations in the region.", (0, 0)),
    ("Only a settlement can end this senseless war.", (1, 1)),  # the adjective describes the war
    ("He helped end the Cold War.", (0, 0)),
    ("Western capitals want to resolve the crisis before the winter.", (1, 0)),
    ("Congress must resolve the debt crisis by June.", (0, 0)),
    ("The mayor promised to settle the dispute with the contractor.", (0, 0)),
    ("The two sides failed to settle the status of the disputed region.", (1, 0)),
    ("The commission will determine the status of the ferry terminal.", (0, 0)),
    # captives and bodies returned (an exchange by another name)
    ("Another 115 defenders returned home from Russian captivity on Friday.", (1, 0)),
    ("The stranded tourists were freed from captivity by the police.", (0, 0)),
    ("Both sides handed over the bodies of fallen soldiers.", (1, 1)),  # the dead are the war's cost
    ("The morgue returned the remains of the victims to their families.", (0, 0)),
    # NATO's founding treaty and association or trade agreements are not a path across the conflict
    ("Article 5 of the North Atlantic Treaty commits the allies to defend one another.", (0, 1)),  # deterrence, no treaty frame
    ("Kyiv signed the Association Agreement with the European Union in 2014.", (0, 0)),
    ("The two sides signed a treaty ending the border war.", (1, 0)),
    # a party's security concerns taken into account (a position in talks)
    ("The West never took Russia's security concerns seriously.", (1, 0)),
    ("Beijing says any settlement must take into account Russia's legitimate security concerns.", (1, 0)),
    ("The school board took the parents' security concerns seriously.", (0, 0)),
    ("The company took into account the security concerns of its staff.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), SEVENTH_PASS_CASES)
def test_seventh_pass_patterns(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: economic pressure and warnings in other words (squeezing a party,
# cut off from SWIFT, trade status revoked, made to pay the price)
ESCALATION_PRESSURE_CASES = [
    ('The allies agreed new measures to squeeze Russia further.', (0, 1)),
    ('We will keep squeezing the Kremlin until the troops leave.', (0, 1)),
    ('The recipe calls you to squeeze the lemons.', (0, 0)),
    ("Iran's largest banks were cut off from the international payments system.", (0, 1)),
    ('Three more lenders were removed from SWIFT on Tuesday.', (0, 1)),
    ('Taylor Swift cut off from her label after the dispute.', (0, 0)),
    ('Congress voted to revoke permanent normal trade relations with Belarus.', (0, 1)),
    ('The bill would strip Moscow of most-favoured-nation status.', (0, 1)),
    ('The regime must pay a heavy price for this, the minister said.', (0, 1)),
    ('Those who ordered the strike will bear the consequences.', (0, 1)),
    ('Shoppers will pay a high price for petrol this winter.', (0, 0)),
    ('The company will bear the consequences of the merger in its accounts.', (0, 0)),
    ('Drivers paid a record price for diesel last month.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_PRESSURE_CASES)
def test_escalation_pressure(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: force, occupation and hostility in other words (cyberattacks, a new
# cold war, intervening in a state, a capital falling, ground under a party's control, maximalist
# aims, a potential invasion)
ESCALATION_FORCE_CASES = [
    ('Hackers linked to the GRU launched cyber attacks on the grid.', (0, 1)),
    ('The ministry reported a wave of cyber-attacks on its servers.', (0, 1)),
    ('Analysts warn that Europe is sliding into a new cold war.', (0, 1)),
    ('The museum has an exhibition on the Cold War.', (0, 0)),
    ('Turkey intervened militarily in Syria in 2016.', (0, 1)),
    ('The committee will intervene in the dispute over fees.', (0, 0)),
    ('The special operation will continue until all its goals are met, the spokesman said.', (0, 1)),
    ('He served in special operations for a decade before retiring.', (0, 0)),
    ('Officials feared Kabul would fall within days.', (0, 1)),
    ('Half of the province is now under Russian control.', (0, 1)),
    ('The thermostat is under automatic control.', (0, 0)),
    ('Their aim is to subjugate the whole country.', (0, 1)),
    ('They want to take away our sovereignty and our independence.', (0, 1)),
    ('Prosecutors are documenting crimes against civilians in the occupied towns.', (0, 1)),
    ('The police reported fewer crimes against property this year.', (0, 0)),
    ('The Russian war machine is grinding forward in the east.', (0, 1)),
    ('The coffee machine on the third floor is broken.', (0, 0)),
    ('Officials are preparing for a potential Russian invasion.', (0, 1)),
    ('An invasion could begin at any moment, the adviser said.', (0, 1)),
    ('Since the special operation began, prices have doubled.', (0, 0)),
    ('The new garden pests are an invasion of the lawns.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_FORCE_CASES)
def test_escalation_force(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: a party's armed forces as actors (a named state's army, air force or
# defences), the civilian targets it hits, its aggressive acts, 'the enemy' as a fighting force;
# 'the enemy of the good' is an idiom
ESCALATION_FORCES_CASES = [
    ("Sudan's army and the RSF signed a truce in Jeddah.", (1, 0)),
    ("Israel's air force has been on alert since Friday.", (0, 1)),
    ('The defence of Taiwan would need American help, the report says.', (0, 1)),
    ("Ukraine's army chief spoke at the conference.", (0, 0)),
    ('The jets routinely hit civilian infrastructure in the north.', (0, 1)),
    ('Artillery has been shelling homes and schools in the town.', (0, 1)),
    ('The storm hit homes along the coast.', (0, 0)),
    ("Beijing's aggressive moves in the South China Sea worry its neighbours.", (0, 1)),
    ('The city promised aggressive action on climate change.', (0, 0)),
    ('The enemy is shelling our positions every night.', (0, 1)),
    ('Complacency is the enemy of progress.', (0, 0)),
    ('Do not let the perfect be the enemy of the good.', (0, 0)),
    ('The ministry called them enemies of Ukraine.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_FORCES_CASES)
def test_escalation_forces(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass, narrowings: 'on the ground' and NATO expansion are weak alone (reporters
# and campaigns are on the ground; expansion is a grievance unless force comes with it); a news
# embargo or a text 'embargoed until' is publication timing
ESCALATION_NARROWING_CASES = [
    ('Reporters have been on the ground in Iowa for weeks.', (0, 0)),
    ('Washington has ruled out boots on the ground in Syria.', (0, 1)),
    ('The contents of the briefing are embargoed until 6 a.m.', (0, 0)),
    ('The paper broke the news embargo on the report.', (0, 0)),
    ('The EU agreed an oil embargo on Russia.', (0, 1)),
    ('Moscow has long objected to NATO expansion.', (0, 0)),
    ("NATO expansion brought the alliance's troops to Russia's border.", (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_NARROWING_CASES)
def test_escalation_narrowings(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: war vocabulary the lexicon lacked (thermobaric, summary executions,
# meat grinder, infantry, deserters, saboteurs, revanchist, imperial ambitions, airspace violated)
# and economic pressure on a named party (companies leaving it, its access to markets denied)
ESCALATION_VOCABULARY_CASES = [
    ('Russia has used thermobaric rockets near the city, the ministry said.', (0, 1)),
    ('Investigators found evidence of summary executions in the village.', (0, 1)),
    ('Soldiers describe the battle for the town as a meat grinder.', (0, 1)),
    ('Shares suffered a bloodbath on Wall Street on Monday.', (0, 0)),
    ('The infantry dug in along the river.', (0, 1)),
    ('The camel crossed the desert at night.', (0, 0)),
    ('Dozens of deserters were arrested at the border.', (0, 1)),
    ('Saboteurs blew up a railway line near the border.', (0, 1)),
    ("The speech was full of revanchist claims on its neighbours' land.", (0, 1)),
    ('Critics accuse Moscow of imperial ambitions in the region.', (0, 1)),
    ('Two fighter jets violated Polish airspace on Sunday.', (0, 1)),
    ('Dozens of Western companies have suspended operations in Russia.', (0, 1)),
    ('The restaurant suspended operations in March for renovation.', (0, 0)),
    ('The new measures deny Russia access to its reserves held abroad.', (0, 1)),
    ("The new rules restrict consumers' access to credit.", (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_VOCABULARY_CASES)
def test_escalation_vocabulary(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass, narrowings for campaign news: primary 'victories' (the plural escaped
# the election rule), victory speeches and parties, the Patriot Act / a Patriot channel / a true
# patriot are not a war's outcome or the missile system
ESCALATION_CAMPAIGN_NARROWING_CASES = [
    ('Clinton scored victories in Florida and North Carolina, earning 175 delegates.', (0, 0)),
    ('The senator will give a victory speech tonight.', (0, 0)),
    ('Ukrainian troops claimed victory in the battle for the city.', (0, 1)),
    ('Russia wants a military victory before any talks.', (1, 1)),
    ('He spoke on SiriusXM Patriot 125 on Friday.', (0, 0)),
    ('Congress renewed the Patriot Act.', (0, 0)),
    ('He called himself a true patriot.', (0, 0)),
    ('The US will send another Patriot battery to Poland.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_CAMPAIGN_NARROWING_CASES)
def test_escalation_campaign_narrowings(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# campaign news with no armed party or conflict named: attacks on rivals, delegate battles
CAMPAIGN_ATTACK_CASES = [
    ('The senator stepped up his attacks on his rivals before the debate.', (0, 0)),
    ('The super PAC spent millions attacking the front-runner.', (0, 0)),
    ('Both campaigns are bracing for a long delegate battle.', (0, 0)),
    ('Republicans urged the president to fight the Islamic State harder.', (0, 1)),
    ('Democrats condemned the missile attacks on Kyiv.', (0, 1)),
    ('The campaign said the rebels attacked the convoy at dawn.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), CAMPAIGN_ATTACK_CASES)
def test_campaign_attacks_are_not_escalation(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: the war as a thing chosen, sought, widened or waged (not a trade war,
# a war on drugs, a war chest or a war room; 'since the war with X began' is a time reference)
ESCALATION_WAR_CASES = [
    ('Putin chose this war, the president said.', (0, 1)),
    ('Nobody in Europe wants a war with Russia.', (0, 1)),
    ('The rebels are waging a war against the government.', (0, 1)),
    ('Since the war with Russia began, exports have fallen.', (0, 0)),
    ('They are trying to drag Belarus into this war.', (0, 1)),
    ("Russia's war aims have narrowed to the Donbas.", (0, 1)),
    ('The campaign has a war chest of $20 million.', (0, 0)),
    ('Aides gathered in the campaign war room.', (0, 0)),
    ('Beijing and Washington started a trade war in 2018.', (0, 0)),
    ('The mayor is waging a war on drugs.', (0, 0)),
    ('Both countries are waging a trade war over steel.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_WAR_CASES)
def test_escalation_war_constructions(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: sanctions language (measures against a party's entities, OFAC and
# Treasury designations, targeting a named party)
ESCALATION_SANCTIONS_LANGUAGE_CASES = [
    ('The EU adopted new measures against Russian entities and officials.', (0, 1)),
    ('Treasury also designated three banks under Executive Order 14024.', (0, 1)),
    ("OFAC designations now cover most of the country's lenders.", (0, 1)),
    ('The new rules target Iranian oil exports.', (0, 1)),
    ('The board designated her as interim chair.', (0, 0)),
    ('The campaign is targeting young voters in Ohio.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_SANCTIONS_LANGUAGE_CASES)
def test_escalation_sanctions_language(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: a state fighting for survival, confronting a named party, a capital cut
# off, forcible deportation and filtration camps, extermination (not of pests), troop numbers, an
# international or intervention force
ESCALATION_SURVIVAL_FORCE_CASES = [
    ('Ukraine is fighting for its very survival, the minister said.', (0, 1)),
    ('The allies agreed to confront Moscow over the attacks.', (0, 1)),
    ('Kyiv has been completely cut off, the governor said.', (0, 1)),
    ('Thousands of civilians were forcibly deported from the occupied region.', (0, 1)),
    ('Officials described filtration camps on the outskirts of the city.', (0, 1)),
    ('London will decide troop numbers for the mission next week.', (0, 1)),
    ('An international stabilisation force will patrol the capital.', (0, 1)),
    ('The pest control firm promised to exterminate the rats.', (0, 0)),
    ('With Ukraine now fighting for survival, aid is urgent.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_SURVIVAL_FORCE_CASES)
def test_escalation_survival_and_force(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# codebook rule 5: 'the 300-day mark of Russia's brutal invasion' and 'days since X launched an
# unprovoked assault' date the event, even with a qualifier that is a cue of its own
ESCALATION_DATED_CASES = [
    ("This visit falls on the 300-day mark of Russia's brutal invasion of Ukraine.", (0, 0)),
    ('The museum reopened one year since the full-scale invasion.', (0, 0)),
    ('Three hundred days since Moscow launched its unprovoked assault, the museum reopened.', (0, 0)),
    ("Russia's brutal invasion has driven millions from their homes.", (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_DATED_CASES)
def test_escalation_dated_by_the_war(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# the war only named: as the object of a condemnation or of 'the issue of', or of ending it
ESCALATION_WAR_NAMED_CASES = [
    ('India was reluctant to raise the issue of the war at the meeting.', (0, 0)),
    ('Beijing declined to sign a statement condemning the invasion.', (0, 0)),
    ('He urged China to press Moscow to end the war.', (1, 0)),
    ('The war has killed thousands of civilians, the UN said.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_WAR_NAMED_CASES)
def test_escalation_war_only_named(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# forcible deportation of civilians is escalation; deporting undocumented immigrants is not
ESCALATION_DEPORTATION_CASES = [
    ('He promised to forcibly deport 11 million undocumented immigrants.', (0, 0)),
    ('Children were forcibly deported to Russia, the report says.', (0, 1)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_DEPORTATION_CASES)
def test_escalation_deportation(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


# escalation, eighth pass: mined waters, 'unfriendly' acts and countries, fuelling a conflict,
# gas or oil deliveries halted (mail deliveries are not)
ESCALATION_SUPPLY_CASES = [
    ('Ships must pass through mined waters to reach the port.', (0, 1)),
    ('Moscow has drawn up a list of unfriendly countries.', (0, 1)),
    ('Outside powers are fuelling the conflict, critics say.', (0, 1)),
    ('The new cafe is fuelling a coffee craze.', (0, 0)),
    ('Gazprom halted deliveries of gas to Poland on Wednesday.', (0, 1)),
    ('The storm halted deliveries of mail across the county.', (0, 0)),
]


@pytest.mark.parametrize(("sentence", "expected"), ESCALATION_SUPPLY_CASES)
def test_escalation_supplies_and_unfriendly_acts(scorer, sentence, expected):
    assert labels(scorer.score(sentence)) == expected


def test_place_placeholders_expand_from_the_places_file():
    from analysis.framing import expand_places, place_names

    names = place_names()
    assert set(names) == {"state", "demonym", "city"}
    rx = re.compile(expand_places("{demonym} counterparts?"), re.I)
    assert rx.fullmatch("Armenian counterpart")
    assert not rx.fullmatch("armenian counterpart")  # names match as written
    assert not rx.fullmatch("Republican counterparts")
    assert expand_places("no placeholder (?:\\w+ ){0,2}") == "no placeholder (?:\\w+ ){0,2}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Another POW swap took place on Friday.",
        "Dozens of prisoners of war were exchanged at the border.",
        "The two sides held a captives exchange.",
    ],
)
def test_prisoner_exchanges_in_other_words_are_diplomacy(scorer, sentence):
    # (the escalation label of "prisoners of war" is left to the existing cues)
    assert scorer.score(sentence).labels["diplomacy"]


@pytest.mark.parametrize(
    ("sentence", "match"),
    [
        ("Qatar brokered a truce between the two sides.", "brokered"),
        ("Negotiators reported a breakthrough in the talks.", "breakthrough"),
    ],
)
def test_brokered_and_breakthrough_are_not_negations(scorer, sentence, match):
    (ev,) = [e for e in scorer.score(sentence).evidence if e.match == match]
    assert not ev.negated


def test_broke_still_negates(scorer):
    (ev,) = [e for e in scorer.score("Moscow broke off the talks.").evidence if e.match == "talks"]
    assert ev.negated


# ------------------------------------------------------------------ seed gold


def test_seed_gold_sentences(scorer, seed_gold_path):
    import json

    gold = json.loads(seed_gold_path.read_text(encoding="utf-8"))
    sentences = gold["sentences"]
    right = sum(
        labels(scorer.score(s["text"])) == (s["diplomacy"], s["escalation"]) for s in sentences
    )
    assert right / len(sentences) >= 0.9


# ------------------------------------------------------------------ evidence and scores


@pytest.mark.parametrize("sentence", [c[0] for c in CODEBOOK_CASES + DECISION_RULE_CASES])
def test_evidence_contract(scorer, sentence):
    fs = scorer.score(sentence)
    assert set(fs.labels) == set(fs.scores) == set(scorer.frames)
    for f in scorer.frames:
        assert 0.0 <= fs.scores[f] < 1.0
        total = sum(e.weight for e in fs.evidence if e.frame == f)
        assert fs.scores[f] == pytest.approx(1 - math.exp(-total), abs=1e-3)
        assert fs.labels[f] == (fs.scores[f] >= THRESHOLD)
        if fs.labels[f]:  # every predicted frame has evidence
            assert any(e.frame == f and e.weight > 0 for e in fs.evidence)
    if fs.frame == "neutral":  # no single piece of evidence reaches the threshold
        assert all(1 - math.exp(-e.weight) < THRESHOLD for e in fs.evidence)
    for e in fs.evidence:
        assert sentence[e.start : e.end] == e.match
        assert e.rule.split("+")[0].startswith("frames.csv:")
    asdict(fs.evidence[0]) if fs.evidence else None  # evidence is a plain dataclass


def test_evidence_fields_and_subframes(scorer):
    fs = scorer.score("Russian missiles struck Kharkiv as peace talks resumed in Istanbul.")
    assert fs.frame == "mixed"
    subframes = {(e.frame, e.subframe) for e in fs.evidence}
    assert ("diplomacy", "talks") in subframes
    assert ("escalation", "weapons") in subframes or ("escalation", "military_action") in subframes
    row = asdict(fs.evidence[0])
    assert {"frame", "subframe", "match", "start", "end", "weight", "rule", "negated", "hedged", "quoted"} <= set(row)


@pytest.mark.parametrize(
    ("sentence", "cue", "negated", "hedged", "quoted"),
    [
        ("There are no signs that the U.S. is pushing for a diplomatic solution.", "diplomatic solution", True, False, False),
        ("Moscow has refused to hold talks with Kyiv.", "talks", True, False, False),
        ("The two sides could agree a ceasefire next week.", "ceasefire", False, True, False),
        ("He said “the ceasefire is holding” in the south.", "ceasefire", False, False, True),
        ("Negotiations have been going on all week,” Medinsky said.", "Negotiations", False, False, True),
        ("Officials said the ceasefire was holding.", "ceasefire", False, False, False),
    ],
)
def test_modifiers(scorer, sentence, cue, negated, hedged, quoted):
    fs = scorer.score(sentence)
    ev = [e for e in fs.evidence if e.match == cue]
    assert ev, [e.match for e in fs.evidence]
    assert (ev[0].negated, ev[0].hedged, ev[0].quoted) == (negated, hedged, quoted)
    assert ev[0].frame in fs.frame or fs.frame == "mixed"  # the modifier does not remove the frame


def test_suppressed_pseudo_cues_are_reported(scorer):
    fs = scorer.score("Russia's chief negotiator, Vladimir Medinsky, flew home on Sunday.")
    assert fs.frame == "neutral"
    assert [e.match for e in fs.suppressed] == ["negotiator"]
    assert "title_after_name" in fs.suppressed[0].rule


def test_repeated_cue_counts_once(scorer):
    once = scorer.score("The war goes on.")
    thrice = scorer.score("The war, the war, the war goes on.")
    assert thrice.scores["escalation"] == once.scores["escalation"]
    assert len([e for e in thrice.evidence if e.match == "war"]) == 3


def test_inflections_and_phrases():
    rx = re.compile(phrase_regex("negotiate"), re.I)
    for word in ("negotiate", "negotiates", "negotiated", "negotiating"):
        assert rx.fullmatch(word)
    rx = re.compile(phrase_regex("shell"), re.I)
    assert rx.fullmatch("shelled") and rx.fullmatch("shelling") and not rx.fullmatch("shellfish")
    rx = re.compile(phrase_regex("cease fire"), re.I)
    assert rx.fullmatch("cease-fire") and rx.fullmatch("cease  fire")
    assert not re.compile(phrase_regex("=war"), re.I).fullmatch("wars")


def test_first_letters():
    assert first_letters(phrase_regex("peace talks")) == {"pea"}
    assert first_letters("(?:an |the )?end to") == {"an", "the", "end"}
    assert first_letters(r"\w+ said") is None


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He said “talks are stuck” today.", [(9, 24)]),
        ("talks are stuck,” he said.", [(0, 16)]),
        ("“Talks are stuck, and", [(1, 21)]),
        ("No quotes here.", []),
    ],
)
def test_quoted_spans(text, spans):
    assert quoted_spans(text) == spans


def test_frame_name():
    assert frame_name({"diplomacy": True, "escalation": False}) == "diplomacy"
    assert frame_name({"diplomacy": False, "escalation": False}) == "neutral"
    assert frame_name({"diplomacy": True, "escalation": True}) == "mixed"
    frames = ("diplomacy", "escalation", "humanitarian")
    assert frame_name({"diplomacy": True, "escalation": False, "humanitarian": True}, frames) == "diplomacy+humanitarian"
    assert frame_name({"diplomacy": False, "escalation": False, "humanitarian": False}, frames) == "neutral"


def test_score_frames_default_is_cached():
    a = score_frames("Talks resumed.")
    b = score_frames("Talks resumed.")
    assert a == b and a.frame == "diplomacy"


def test_input_is_not_mutated(scorer):
    text = "Missiles hit Kyiv."
    scorer.score(text)
    assert text == "Missiles hit Kyiv."
    assert isinstance(scorer.score(""), FrameScore) and scorer.score("").frame == "neutral"


# ------------------------------------------------------------------ user lexicons


def test_user_frame_flows_through(tmp_path):
    extra = tmp_path / "humanitarian.csv"
    extra.write_text(
        "frame,subframe,cue,weight\n"
        "humanitarian,aid,aid convoy,1.0\n"
        "humanitarian,aid,food parcels,0.8\n"
        "# a shipped cue switched off, another re-weighted\n"
        "escalation,military_action,war,0\n"
        "diplomacy,contact,visit,0.9\n",
        encoding="utf-8",
    )
    s = FrameScorer(extra)
    assert s.frames == ("diplomacy", "escalation", "humanitarian")
    fs = s.score("An aid convoy reached the besieged city.")
    assert fs.labels["humanitarian"] and fs.labels["escalation"]
    assert fs.frame == "escalation+humanitarian"
    assert s.score("The war goes on.").scores["escalation"] == 0.0
    assert s.score("The minister's visit was short.").labels["diplomacy"]
    neutral = s.score("The weather was fine.")
    assert neutral.frame == "neutral" and neutral.labels["humanitarian"] is False


def test_user_rules_and_modifiers(tmp_path):
    rules = tmp_path / "rules.csv"
    rules.write_text("rule,frame,cue,before,factor\nno_peace_of,diplomacy,peace,quiet\\s+,0\n", encoding="utf-8")
    s = FrameScorer([rules])
    assert s.score("They wanted peace and quiet peace.").labels["diplomacy"]
    assert not s.score("They wanted quiet peace.").labels["diplomacy"]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,high\n", 2, "not a number"),
        ("frame,subframe,cue,weight\n# comment\nhumanitarian,aid,aid convoy,1\nHuman,aid,x,1\n", 4, "lowercase"),
        ("frame,subframe,cue,weight,kind\nhumanitarian,aid,(unclosed,1,regex\n", 2, "not a valid pattern"),
        ("frame,subframe,cue,weight,kind\nhumanitarian,aid,(a)b,1,regex\n", 2, "non-capturing"),
        # a phrase matches literally: "cyber-?attack*" (a regex written as a phrase) never fired
        ("frame,subframe,cue,weight\nescalation,force,cyber-?attack*,1\n", 2, "holds regex syntax ?"),
        ("frame,subframe,cue,weight,kind\nescalation,force,air (raid|strike),1,phrase\n", 2, "holds regex syntax ( ) |"),
        ("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy\n", 2, "expected 4 fields"),
        ("frame,subframe,cue,weight\nhumanitarian,aid,,1\n", 2, "empty required"),
        ("rule,frame,cue,factor\nbad,diplomacy,(x,0\n", 2, "not a valid regex"),
        ("modifier,pattern,scope\ndoubt,maybe,3\n", 2, "modifier"),
        ("rule,frame,cue,factor\nmine,diplomacy,peace,0\nmine,escalation,war,0\n", 3, "already used"),
        ("rule,frame,cue,factor\ntime_reference,escalation,war,0\n", 2, "already used"),
    ],
)
def test_bad_lexicon_row_names_the_line(tmp_path, content, line, message):
    path = tmp_path / "extra.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert info.value.line == line
    assert str(path) in str(info.value) and f":{line}:" in str(info.value)
    assert message in str(info.value)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        FrameScorer(tmp_path / "nope.csv")


def test_shipped_lexicon_covers_the_subframes():
    lex = load_lexicon()
    assert set(lex.subframes["diplomacy"]) >= {"talks", "contact", "ceasefire", "agreement", "mediation", "humanitarian"}
    assert set(lex.subframes["escalation"]) >= {
        "military_action", "casualties", "weapons", "deployment", "sanctions", "threats", "rhetoric", "worsening",
    }


def test_evidence_is_frozen(scorer):
    e = scorer.score("Talks resumed.").evidence[0]
    assert isinstance(e, Evidence)
    with pytest.raises(AttributeError):
        e.weight = 2.0  # type: ignore[misc]


def test_user_frame_in_the_sentence_table(tmp_path):
    from analysis import score_sentences

    extra = tmp_path / "humanitarian.csv"
    extra.write_text("frame,subframe,cue,weight\nhumanitarian,aid,aid convoy,1\n", encoding="utf-8")
    df = score_sentences(["An aid convoy reached the besieged city.", "Talks resumed."], lexicon=extra)
    assert {"humanitarian", "humanitarian_score"} <= set(df.columns)
    assert list(df["frame"]) == ["escalation+humanitarian", "diplomacy"]
    assert list(df["humanitarian"]) == [True, False]
    ev = df.loc[0, "frame_evidence"]
    assert {"frame": "humanitarian", "match": "aid convoy", "start": 3, "end": 13}.items() <= ev[0].items()


def test_scorer_pickles(scorer):
    import pickle

    again = pickle.loads(pickle.dumps(scorer))
    text = "Peace talks resumed as shelling continued in the east."
    assert again.score(text) == scorer.score(text)


def test_long_and_odd_inputs(scorer):
    long_text = "Talks resumed while shelling continued. " * 2000  # 80,000 characters
    fs = scorer.score(long_text)
    assert fs.frame == "mixed"
    for odd in ["", " ", "“", '"', "”talks“", "\x00war\x00", "ceasefire" * 50, "🕊️ peace 🕊️", "ТАСС: переговоры"]:
        fs = scorer.score(odd)
        assert fs.frame in {"diplomacy", "escalation", "mixed", "neutral"}
        assert all(odd[e.start : e.end] == e.match for e in fs.evidence)


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a dev dependency
    pass
else:

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(
            st.one_of(
                st.sampled_from(
                    ["talks", "ceasefire", "war", "since", "the", "negotiator", "strike", "union", "“", "”",
                     '"', ",", "not", "Vladimir Medinsky", "missiles", "killed", "-", "de-escalation", "peace"]
                ),
                st.text(max_size=8),
            ),
            max_size=30,
        )
    )
    def test_invariants_on_any_text(words):
        text = " ".join(words)
        res = _SCORER.score(text)
        for f in res.labels:
            assert 0.0 <= res.scores[f] < 1.0
            assert res.labels[f] == (res.scores[f] >= THRESHOLD)
            if res.labels[f]:
                assert any(e.frame == f and e.weight > 0 for e in res.evidence)
        for e in res.evidence + res.suppressed:
            assert text[e.start : e.end] == e.match and e.start < e.end

    _SCORER = FrameScorer()


# ------------------------------------------------------------------ prefilter (issue 7)
# The Aho-Corasick prefilter must give exactly what the word-by-word scan gives.

PREFILTER_CASES = [
    "Russia and Ukraine resumed peace talks in Istanbul on Tuesday.",
    "RUSSIA AND UKRAINE RESUMED PEACE TALKS IN ISTANBUL ON TUESDAY.",
    "the biden-putin summit ended without a deal, but talks will go on.",
    "The Biden-Putin summit ended without a deal; the Erdogan–Zelensky phone call did not help.",
    "The government gave the militia 48 hours to comply or face the consequences.",
    "The minister said the rebel commander was finished and it was time for a new leadership.",
    "A new détente between the two capitals could follow the prisoner swap.",
    "Officials hope for de-escalation, though the shelling of Kharkiv went on overnight.",
    "He said “talks are stuck” and that the war “will not end soon”.",
    '"We will never negotiate with terrorists," the president said, rejecting a ceasefire.',
    "Negotiator Medinsky said the talks had been useful.",
    "Russia's chief negotiator, Vladimir Medinsky, said the sides may meet again.",
    "Since the war began, more than 8,000 civilians have been killed.",
    "Shell reported record profits on Thursday, unlike the oil majors hit by sanctions.",
    "Troops continued to shell the city overnight.",
    "Workers went on strike over pay, and the union rejected the employers' offer.",
    "Kremlin’s envoy held talks with (NATO) officials — no breakthrough was reported.",
    "talks",
    "War.",
    "",
    "   ",
    # case-folding oddities: dotless i, long s, dotted capital I, the Kelvin sign
    "The ceasefıre talks in Istanbul collapsed as mıssiles hit Kyiv.",
    "The ſanctions and the ſhelling of the port continued.",
    "İSTANBUL TALKS: the İnvasion went on.",
    "The \u212aremlin rejected the peace talks.",
    "Peace\ttalks\u00a0resumed\nafter\u2009the air\u2010strikes.",
]


@pytest.fixture(scope="module")
def word_by_word() -> FrameScorer:
    return FrameScorer(prefilter=False)


def _result(fs: FrameScore):
    return fs.labels, fs.scores, fs.frame, fs.evidence, fs.suppressed


@pytest.mark.parametrize("sentence", PREFILTER_CASES + [c[0] for c in CODEBOOK_CASES + DECISION_RULE_CASES])
def test_prefilter_gives_the_word_by_word_result(scorer, word_by_word, sentence):
    assert scorer._prefilter is not None and word_by_word._prefilter is None
    assert _result(scorer.score(sentence)) == _result(word_by_word.score(sentence))
    assert [(c.where, a, b) for c, a, b in scorer.matches(sentence)] == [
        (c.where, a, b) for c, a, b in word_by_word.matches(sentence)
    ]


def test_prefilter_on_the_seed_sentences(scorer, word_by_word, seed_gold_path):
    import json

    for s in json.loads(seed_gold_path.read_text(encoding="utf-8"))["sentences"]:
        for text in (s["text"], s["text"].upper(), s["text"].lower()):
            assert _result(scorer.score(text)) == _result(word_by_word.score(text)), text


def test_literal_prefixes_are_sound(scorer):
    """Every match of every shipped cue and modifier starts with one of its
    literal prefixes (lower-cased), on sentences written to contain them."""
    from analysis.framing import _odd_case, literal_prefixes

    # (a sentence with a case-folding oddity is scanned word by word: "ſhelling" matches "shell")
    texts = [t for t in PREFILTER_CASES if not _odd_case(t)]
    texts += [c[0] for c in CODEBOOK_CASES + DECISION_RULE_CASES]
    texts += [t.upper() for t in texts]
    patterns = [c.regex for c in scorer.lexicon.cues] + [m.pattern.pattern for m in scorer.lexicon.modifiers]
    checked = 0
    for pattern in patterns:
        keys = literal_prefixes(pattern, 5)
        if keys is None:
            continue
        rx = re.compile(pattern, re.IGNORECASE)
        for text in texts:
            low = text.lower()
            for m in rx.finditer(text):
                if m.end() > m.start() and len(low) == len(text):
                    assert any(low.startswith(k, m.start()) for k in keys), (pattern, text, m.group())
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (phrase_regex("peace talks"), {"peace", "peaced", "peaces", "peacing"}),
        (phrase_regex("negotiat*"), {"negotiat"}),
        ("(?-i:MiGs?)", {"mig", "migs"}),
        (r"\d+ hours", None),  # a digit class: no literal start
        ("(?:an |the )?end to", {"an end t", "the end ", "end to"}),  # up to 8 characters
    ],
)
def test_literal_prefixes(pattern, expected):
    from analysis.framing import literal_prefixes

    assert literal_prefixes(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?-i:[A-Z]\w+)-(?-i:[A-Z]\w+) (?:summit|talks)", {"summit", "talks"}),
        (r"\d+ (?:more )?(?:hours|days) to comply", {" to comply"}),
        (r"\w+", None),
    ],
)
def test_required_literals(pattern, expected):
    from analysis.framing import required_literals

    assert required_literals(pattern) == expected


def test_a_cue_with_no_literal_disables_the_prefilter(tmp_path):
    extra = tmp_path / "caps.csv"
    extra.write_text(
        'frame,subframe,cue,weight,kind\nescalation,shouting,"(?-i:[A-Z]{4,})",0.8,regex\n', encoding="utf-8"
    )
    fast, slow = FrameScorer(extra), FrameScorer(extra, prefilter=False)
    assert fast._prefilter is None  # nothing to index it by: every word is looked at
    for text in PREFILTER_CASES:
        assert _result(fast.score(text)) == _result(slow.score(text))
    assert any(e.subframe == "shouting" for e in fast.score("ALERT: the talks are OVER.").evidence)


def test_user_cues_and_rules_go_through_the_prefilter(tmp_path):
    cues = tmp_path / "extra.csv"
    cues.write_text(
        "frame,subframe,cue,weight\nhumanitarian,aid,aid convoy*,0.9\nhumanitarian,aid,=UNHCR,0.8\n",
        encoding="utf-8",
    )
    rules = tmp_path / "rules.csv"
    rules.write_text(
        "rule,frame,subframe,cue,before,after,sentence,unless,factor\n"
        "convoy_stopped,humanitarian,,,,,\\b(?:blocked|turned back)\\b,,0.5\n",
        encoding="utf-8",
    )
    fast, slow = FrameScorer([cues, rules]), FrameScorer([cues, rules], prefilter=False)
    assert fast._prefilter is not None
    for text in [
        "An aid convoy reached Mariupol as the UNHCR appealed for a ceasefire.",
        "The aid convoys were turned back at the checkpoint.",
        "AID CONVOY BLOCKED.",
    ] + PREFILTER_CASES:
        assert _result(fast.score(text)) == _result(slow.score(text)), text
    assert fast.score("The aid convoys were turned back at the checkpoint.").evidence[0].rule.endswith(
        "+convoy_stopped"
    )


def test_result_does_not_depend_on_earlier_sentences():
    """The rule cache is keyed by the cue as written: a case-sensitive rule cue
    ((?-i:Shell), the company) must not be decided by an earlier lower-case match."""
    company = "Shell reported record profits on Thursday."
    fresh = FrameScorer().score(company)
    used = FrameScorer()
    used.score("Troops continued to shell the city overnight.")
    assert _result(used.score(company)) == _result(fresh)
    assert fresh.labels["escalation"] is False


def test_clause_breaks():
    from analysis.framing import _CLAUSE_BREAK, clause_breaks

    for text in PREFILTER_CASES + [
        "Talks resumed; the shelling went on, but less.",
        "The talks, while tense, went on: both sides stayed.",
        "However, the ceasefire held, although barely.",
        "BUT THE WAR GOES ON",
        "Attributes and tributes",
    ]:
        assert clause_breaks(text) == [m.end() for m in _CLAUSE_BREAK.finditer(text)], text


def test_scorer_with_prefilter_pickles(scorer):
    import pickle

    clone = pickle.loads(pickle.dumps(scorer))
    for text in PREFILTER_CASES:
        assert _result(clone.score(text)) == _result(scorer.score(text))


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a dev dependency
    pass
else:

    _PIECES = [
        "talks", "Talks", "TALKS", "peace", "ceasefire", "war", "wars", "since", "the", "The", "other",
        "side", "negotiator", "strike", "union", "not", "never", "may", "could", "but", "however", ";",
        ":", ",", "“", "”", '"', "(", ")", "-", "–", "de", "escalation", "Biden", "Putin", "summit",
        "call", "48", "hours", "to", "comply", "détente", "Shell", "shelling", "missiles", "killed",
        "sanctions", "İ", "ı", "ſ", "\u212a", "\t", "\u00a0", "’s", "aid", "deal", "with",
    ]

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=25),
        st.lists(st.sampled_from([" ", "", "-", " ", "\n"]), min_size=25, max_size=25),
    )
    def test_prefilter_agrees_on_any_text(pieces, seps):
        text = "".join(p + s for p, s in zip(pieces, seps, strict=False))
        assert _result(_FAST.score(text)) == _result(_SLOW.score(text))

    _FAST, _SLOW = FrameScorer(), FrameScorer(prefilter=False)


# --- no-break and typographic spaces inside a cue (strings given directly, not loaded) ------------

@pytest.mark.parametrize(("sentence", "frame", "match"), [
    ("Kyiv called for a humanitarian\u00a0corridor.", "diplomacy", "humanitarian corridor"),
    ("Russia launched a full-scale\u202finvasion.", "escalation", "launched a full-scale invasion"),
    ("The talks\u2009resumed in\u00a0Istanbul.", "diplomacy", "talks"),
])
def test_no_break_spaces_do_not_hide_a_cue(sentence, frame, match):
    fs = FrameScorer().score(sentence)
    assert fs.frame == frame
    ev = [e for e in fs.evidence if e.frame == frame]
    assert any(e.match == match for e in ev)
    assert all(len(sentence[e.start:e.end]) == len(e.match) for e in fs.evidence)  # offsets hold


# --- hidden characters inside a cue: soft hyphen, zero-width characters (strings given directly) ---

_HIDDEN_DROP = str.maketrans(dict.fromkeys(HIDDEN_CHARS))


@pytest.mark.parametrize(("sentence", "plain"), [
    ("The cease\u00adfire held.", "The ceasefire held."),
    ("Mis\u00adsiles hit a residential block in Kharkiv.", "Missiles hit a residential block in Kharkiv."),
    ("The negoti\u2060ations resumed.", "The negotiations resumed."),
    ("The nego\u200btiations resumed.", "The negotiations resumed."),  # inside a word: one word
    ("The cease\u200bfire held.", "The ceasefire held."),  # both readings find it: one word
    ("peace\u200btalks resumed in Istanbul.", "peace talks resumed in Istanbul."),  # two words
    ("Peace\u200b talks resumed.", "Peace talks resumed."),
    ("\ufeffTalks resumed after the air\u00adstrikes.", "Talks resumed after the airstrikes."),
    ("Sanc\u200ctions were tight\u200dened; the cease\ufefffire collapsed.",
     "Sanctions were tightened; the ceasefire collapsed."),
    ("He said \u201cthe talks\u200b are dead\u201d.", "He said \u201cthe talks are dead\u201d."),
])
def test_hidden_characters_do_not_hide_a_cue(scorer, word_by_word, sentence, plain):
    got, want = scorer.score(sentence), scorer.score(plain)
    assert want.evidence  # the plain sentence has cues: the table tests something
    assert (got.frame, got.labels, got.scores) == (want.frame, want.labels, want.scores)
    assert [(e.cue, e.rule, e.weight, e.negated, e.hedged, e.quoted) for e in got.evidence] == [
        (e.cue, e.rule, e.weight, e.negated, e.hedged, e.quoted) for e in want.evidence
    ]
    for e, w in zip(got.evidence, want.evidence, strict=True):
        assert sentence[e.start:e.end] == e.match  # offsets index the sentence as given
        assert e.match.translate(_HIDDEN_DROP).replace(" ", "") == w.match.replace(" ", "")
    assert _result(word_by_word.score(sentence)) == _result(got)


@pytest.mark.parametrize(("sentence", "spans"), [
    # a cue's span holds the hidden characters inside it, not those before or after it
    ("The cease\u00adfire held.", [(4, 14)]),
    ("\u200bTalks\u200b resumed.", [(1, 6)]),
    ("peace\u200btalks resumed.", [(0, 11)]),
    ("Talks resumed.\ufeff", [(0, 5)]),
])
def test_hidden_characters_keep_true_offsets(scorer, sentence, spans):
    assert [(e.start, e.end) for e in scorer.score(sentence).evidence] == spans


# user review (session 7): sourcing boilerplate is no contact; what happens "on the ground"
# of a war is escalation; a failure word that ends its own clause negates nothing after it
REVIEW7_FRAMES = [
    ("A senior Western diplomat, who spoke on condition of anonymity, said the embassy reopened.", "neutral"),
    ("A diplomat who spoke to reporters said the embassy would move.", "neutral"),
    ("An official speaking anonymously said the aid had arrived.", "neutral"),
    ("Lavrov spoke to Blinken by phone on Friday.", "diplomacy"),
    ("We remain clear-eyed about his intentions given what is happening on the ground.", "escalation"),
    ("The situation on the ground has worsened since the offensive began.", "escalation"),
    ("Our volunteers are on the ground in Iowa this week.", "neutral"),
]


@pytest.mark.parametrize(("sentence", "frame"), REVIEW7_FRAMES)
def test_review7_frames(sentence, frame):
    assert score_frames(sentence).frame == frame


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("Talks stall as shelling intensifies.", {"Talks": False, "shelling": False, "intensifies": False}),
        ("Talks collapsed and shelling resumed.", {"Talks": False, "shelling": False}),
        ("Moscow refused talks.", {"talks": True}),
        ("Russia walked away from the negotiations.", {"negotiations": True}),
    ],
)
def test_a_failure_word_ending_its_clause_negates_nothing_after_it(sentence, negated):
    """'stall'/'collapsed' negated every cue up to six words on, whatever its frame: the
    shelling of 'Talks stall as shelling intensifies' was marked negated."""
    assert {e.match: e.negated for e in score_frames(sentence).evidence} == negated

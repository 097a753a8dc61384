#include "align/segment.h"

#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "segment_rules.h"
#include "utf8.h"

namespace align {
namespace {

struct SegCase {
  const char* name;
  std::string text;
  std::vector<std::string> sentences;
};

std::vector<std::string> SplitText(Language lang, const std::string& text) {
  auto seg = Segmenter::Create(lang);
  EXPECT_TRUE(seg.ok()) << seg.status().message();
  auto doc = Document::FromString("case", text);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  std::vector<std::string> out;
  for (const Sentence& s : (*seg)->Split(*doc)) out.emplace_back(doc->Slice(s.span));
  return out;
}

std::string CaseName(const ::testing::TestParamInfo<SegCase>& info) { return info.param.name; }

class English : public ::testing::TestWithParam<SegCase> {};
class Chinese : public ::testing::TestWithParam<SegCase> {};
class Urdu : public ::testing::TestWithParam<SegCase> {};

TEST_P(English, Splits) { EXPECT_EQ(SplitText(Language::kEnglish, GetParam().text), GetParam().sentences); }
TEST_P(Chinese, Splits) { EXPECT_EQ(SplitText(Language::kChinese, GetParam().text), GetParam().sentences); }
TEST_P(Urdu, Splits) { EXPECT_EQ(SplitText(Language::kUrdu, GetParam().text), GetParam().sentences); }

INSTANTIATE_TEST_SUITE_P(Segment, English, ::testing::Values(
    SegCase{"title_before_name", "Mr. Li arrived. He met the press.", {"Mr. Li arrived.", "He met the press."}},
    SegCase{"titles", "Dr. Wang and Gen. Asim Munir met in Rawalpindi. They discussed security.",
            {"Dr. Wang and Gen. Asim Munir met in Rawalpindi.", "They discussed security."}},
    SegCase{"us_before_noun", "The U.S. delegation arrived on Monday. It was led by the Secretary.",
            {"The U.S. delegation arrived on Monday.", "It was led by the Secretary."}},
    SegCase{"us_at_sentence_end", "The meeting took place in the U.S. The two sides agreed to meet again.",
            {"The meeting took place in the U.S.", "The two sides agreed to meet again."}},
    SegCase{"un_before_name", "Representatives of the U.N. Security Council attended.",
            {"Representatives of the U.N. Security Council attended."}},
    SegCase{"usa_lowercase_after", "He lived in the U.S.A. for ten years. Then he returned.",
            {"He lived in the U.S.A. for ten years.", "Then he returned."}},
    SegCase{"am_pm", "The talks began at 10 a.m. and ended at 4 p.m. The statement came later.",
            {"The talks began at 10 a.m. and ended at 4 p.m.", "The statement came later."}},
    // Two sentences: a time of day followed by a new subject (issue 12 item 7;
    // this case used to expect one sentence, the old rule's known weakness).
    SegCase{"pm_before_name", "The visit ended at 3 p.m. Pakistani officials saw the guests off.",
            {"The visit ended at 3 p.m.", "Pakistani officials saw the guests off."}},
    SegCase{"eg_capital", "Several sectors, e.g. Energy and Transport, were covered.",
            {"Several sectors, e.g. Energy and Transport, were covered."}},
    SegCase{"initials", "Author J. K. Smith wrote the report. It was published in May.",
            {"Author J. K. Smith wrote the report.", "It was published in May."}},
    SegCase{"initials_after_name", "Chinese leader Xi J. P. was mentioned. The note was short.",
            {"Chinese leader Xi J. P. was mentioned.", "The note was short."}},
    SegCase{"initial_a", "Envoy J. A. Khan spoke first.", {"Envoy J. A. Khan spoke first."}},
    SegCase{"decimals", "Growth reached 3.5 percent in 2025. Exports rose by 2.0 percent.",
            {"Growth reached 3.5 percent in 2025.", "Exports rose by 2.0 percent."}},
    SegCase{"version_at_end", "The sides launched CPEC 2.0. It focuses on industry.",
            {"The sides launched CPEC 2.0.", "It focuses on industry."}},
    SegCase{"dotted_version", "Version 2.1.3 of the plan was adopted. It replaces version 1.0.",
            {"Version 2.1.3 of the plan was adopted.", "It replaces version 1.0."}},
    SegCase{"numbered_list", "The two sides agreed:\n1. To expand trade.\n2. To deepen cooperation.",
            {"The two sides agreed:", "1. To expand trade.", "2. To deepen cooperation."}},
    SegCase{"parenthesised_list", "(1) Energy projects\n(2) Transport links", {"(1) Energy projects", "(2) Transport links"}},
    SegCase{"letter_list", "a) connectivity\nb) trade", {"a) connectivity", "b) trade"}},
    SegCase{"bullets", "• First point\n• Second point", {"• First point", "• Second point"}},
    SegCase{"list_marker_then_capital", "1. The Parties shall consult.\n2. The Parties shall report.",
            {"1. The Parties shall consult.", "2. The Parties shall report."}},
    SegCase{"ellipsis_capital", "The minister paused... The audience waited.",
            {"The minister paused...", "The audience waited."}},
    SegCase{"ellipsis_lowercase", "The list goes on... and on.", {"The list goes on... and on."}},
    SegCase{"unicode_ellipsis_capital", "He said the talks were… The rest was inaudible.",
            {"He said the talks were…", "The rest was inaudible."}},
    SegCase{"unicode_ellipsis_lowercase", "We will continue… to work together.", {"We will continue… to work together."}},
    SegCase{"closing_double_quote", "He said, \"We welcome the visit.\" The talks followed.",
            {"He said, \"We welcome the visit.\"", "The talks followed."}},
    SegCase{"question_in_quote_lowercase", "\"Why not?\" he asked.", {"\"Why not?\" he asked."}},
    SegCase{"question_in_quote_then_its_speaker", "\"Why not?\" Foreign Minister Wang Yi asked reporters.",
            {"\"Why not?\" Foreign Minister Wang Yi asked reporters."}},
    SegCase{"question_in_quote_then_a_new_sentence",
            "'What have we been teaching men?' Kit believes television is partly responsible.",
            {"'What have we been teaching men?'", "Kit believes television is partly responsible."}},
    SegCase{"quotation_then_attribution", "\"We are ready.\" Li said.", {"\"We are ready.\" Li said."}},
    SegCase{"curly_quotes", "“We are iron brothers,” the minister said. “Our friendship is unbreakable.”",
            {"“We are iron brothers,” the minister said.", "“Our friendship is unbreakable.”"}},
    SegCase{"single_quotes", "The spokesperson said: ‘Cooperation is key.’ Others agreed.",
            {"The spokesperson said: ‘Cooperation is key.’", "Others agreed."}},
    SegCase{"bracketed_sentence", "The two leaders met. (The meeting lasted an hour.) Later they dined.",
            {"The two leaders met.", "(The meeting lasted an hour.)", "Later they dined."}},
    SegCase{"headline_and_dateline",
            "Xi meets Pakistani PM in Beijing\nBEIJING, Nov. 27 (Xinhua) -- Chinese President Xi Jinping met "
            "Pakistani Prime Minister Shehbaz Sharif on Wednesday.",
            {"Xi meets Pakistani PM in Beijing",
             "BEIJING, Nov. 27 (Xinhua) -- Chinese President Xi Jinping met Pakistani Prime Minister Shehbaz "
             "Sharif on Wednesday."}},
    SegCase{"dateline_own_line", "ISLAMABAD, Nov. 27 (APP) --\nPakistan and China signed five agreements.",
            {"ISLAMABAD, Nov. 27 (APP) --", "Pakistan and China signed five agreements."}},
    SegCase{"hard_wrapped",
            "The two sides reaffirmed their commitment to the all-weather strategic\n"
            "cooperative partnership and agreed to deepen practical cooperation in\n"
            "all fields. They also discussed regional issues.",
            {"The two sides reaffirmed their commitment to the all-weather strategic\n"
             "cooperative partnership and agreed to deepen practical cooperation in\nall fields.",
             "They also discussed regional issues."}},
    SegCase{"hard_wrapped_at_abbreviation",
            "The delegation from Islamabad was warmly received at the airport by Mr.\n"
            "Zhang, who briefed the visitors on the progress of the joint projects in\nthe region.",
            {"The delegation from Islamabad was warmly received at the airport by Mr.\n"
             "Zhang, who briefed the visitors on the progress of the joint projects in\nthe region."}},
    SegCase{"short_line_ending_with_comma",
            "The two sides agreed,\nafter three rounds of talks held in Islamabad and Beijing over two years,\nto upgrade the agreement.",
            {"The two sides agreed,\nafter three rounds of talks held in Islamabad and Beijing over two years,\nto upgrade the agreement."}},
    SegCase{"crlf", "First sentence here.\r\nSecond sentence here.\r\n", {"First sentence here.", "Second sentence here."}},
    SegCase{"bom", "\xEF\xBB\xBFThe statement was issued. It was brief.", {"The statement was issued.", "It was brief."}},
    SegCase{"blank_line_is_boundary", "Heading one\n\nThe body text follows", {"Heading one", "The body text follows"}},
    SegCase{"number_after_no", "No. 10 Downing Street issued a statement. It was short.",
            {"No. 10 Downing Street issued a statement.", "It was short."}},
    SegCase{"art_and_page", "Article 5 (Art. 5) applies. See p. 12 for details.",
            {"Article 5 (Art. 5) applies.", "See p. 12 for details."}},
    SegCase{"months", "The meeting on Nov. 27 was productive. Another is set for Dec. 3.",
            {"The meeting on Nov. 27 was productive.", "Another is set for Dec. 3."}},
    SegCase{"company", "The deal was signed by Huawei Technologies Co. Ltd. on Monday.",
            {"The deal was signed by Huawei Technologies Co. Ltd. on Monday."}},
    SegCase{"his_excellency", "H.E. Mr. Zhang Heqing addressed the forum. The forum closed at 5 p.m.",
            {"H.E. Mr. Zhang Heqing addressed the forum.", "The forum closed at 5 p.m."}},
    SegCase{"question_exclamation", "Did the U.S. agree? Yes. The vote was unanimous!",
            {"Did the U.S. agree?", "Yes.", "The vote was unanimous!"}},
    SegCase{"signature", "Thank you.\nWang Yi\nMinister of Foreign Affairs",
            {"Thank you.", "Wang Yi", "Minister of Foreign Affairs"}},
    SegCase{"etc_at_end", "They will expand trade, investment, etc. The next round is in June.",
            {"They will expand trade, investment, etc.", "The next round is in June."}},
    SegCase{"ambassador", "Wang Yi met Amb. Khalil Hashmi in Beijing.", {"Wang Yi met Amb. Khalil Hashmi in Beijing."}},
    SegCase{"short_lines_heading_block", "Joint Statement\nBeijing, 27 November 2026",
            {"Joint Statement", "Beijing, 27 November 2026"}},
    SegCase{"trailing_spaces", "  The text.   Next one.  ", {"The text.", "Next one."}},
    SegCase{"number_starts_sentence", "The year ended well. 2025 was a year of progress.",
            {"The year ended well.", "2025 was a year of progress."}},
    SegCase{"web_address", "Details are at www.mfa.gov.cn. Li said more would follow.",
            {"Details are at www.mfa.gov.cn.", "Li said more would follow."}},
    SegCase{"wrapped_after_function_word", "Both sides pledged to protect the\nsecurity of Chinese personnel. Talks ended at noon.",
            {"Both sides pledged to protect the\nsecurity of Chinese personnel.", "Talks ended at noon."}},
    SegCase{"next_line_lowercase", "Trade between the two countries\nreached a record high last year.",
            {"Trade between the two countries\nreached a record high last year."}},
    SegCase{"etc_before_any_capital", "They covered ports, roads, power, etc. Officials will report in May.",
            {"They covered ports, roads, power, etc.", "Officials will report in May."}},
    SegCase{"capitalised_abbreviation", "Approx. 40 firms took part. Cf. the list in the annex.",
            {"Approx. 40 firms took part.", "Cf. the list in the annex."}},
    SegCase{"quoted_cry_then_speaker", "\"Long live the friendship!\" Li said at the gala.",
            {"\"Long live the friendship!\" Li said at the gala."}},
    SegCase{"quoted_cry_then_new_sentence", "\"Long live the friendship!\" The crowd cheered.",
            {"\"Long live the friendship!\"", "The crowd cheered."}},
    SegCase{"title_over_date_line", "Joint Press Communique of the Second Round of Strategic Dialogue between Two Sides\nIslamabad, 3 March 2026",
            {"Joint Press Communique of the Second Round of Strategic Dialogue between Two Sides", "Islamabad, 3 March 2026"}},
    SegCase{"wrapped_paragraph_ending_with_colon",
            "The two sides agreed on the following points, which will guide their cooperation over the next\n"
            "five years:",
            {"The two sides agreed on the following points, which will guide their cooperation over the next\n"
             "five years:"}},
    SegCase{"sentence_per_line_ending_with_abbreviation", "Observers came from the U.K.\nMr. Li led the delegation.",
            {"Observers came from the U.K.", "Mr. Li led the delegation."}},
    SegCase{"rupees", "The project costs Rs. 500 billion. It starts in May.",
            {"The project costs Rs. 500 billion.", "It starts in May."}},
    SegCase{"roman_numeral_end", "This recalls World War II. The lesson is peace.",
            {"This recalls World War II.", "The lesson is peace."}},
    // Abbreviations that end a sentence (segfix).
    SegCase{"the_uk_then_subject_and_verb", "The proposal was sent to the U.K. London has not replied.",
            {"The proposal was sent to the U.K.", "London has not replied."}},
    SegCase{"the_us_phrase_head", "The bill went to the U.S. Congress for a vote.", {"The bill went to the U.S. Congress for a vote."}},
    SegCase{"us_without_determiner", "He met U.S. Ambassador Blake today. Talks went well.",
            {"He met U.S. Ambassador Blake today.", "Talks went well."}},
    SegCase{"street_then_starter", "The office is at 12 Park St. It opens at nine.", {"The office is at 12 Park St.", "It opens at nine."}},
    SegCase{"saint_before_name", "He studied in St. Petersburg for a year.", {"He studied in St. Petersburg for a year."}},
    // Issue 12 item 7: boundaries seen in published text. Each rule has a
    // case where it fires and one on the nearest text where it must not.
    // 1. A period with no space before a capitalised word.
    SegCase{"unspaced_stop", "Both sides praised the Silk Road Fund.Officials said more projects would follow.",
            {"Both sides praised the Silk Road Fund.", "Officials said more projects would follow."}},
    SegCase{"unspaced_stop_acronym_before", "The talks covered CPEC.They lasted an hour.", {"The talks covered CPEC.", "They lasted an hour."}},
    SegCase{"unspaced_dotted_abbreviations", "The U.S.President and the U.K.Foreign Office, e.g.Trade officials, met.",
            {"The U.S.President and the U.K.Foreign Office, e.g.Trade officials, met."}},
    SegCase{"unspaced_title", "The talks were led by Mr.Sharif and Dr.Wang in Beijing.", {"The talks were led by Mr.Sharif and Dr.Wang in Beijing."}},
    SegCase{"unspaced_numbers_and_sites", "See No.5 on www.fmprc.Gov.cn and Mofa.Gov.pk about CPEC 2.0 and 3.5 percent.",
            {"See No.5 on www.fmprc.Gov.cn and Mofa.Gov.pk about CPEC 2.0 and 3.5 percent."}},
    SegCase{"unspaced_initials", "A novel by J.K.Rowling and one by J.R.R. Tolkien were shown.",
            {"A novel by J.K.Rowling and one by J.R.R. Tolkien were shown."}},
    SegCase{"unspaced_product_names", "The portal runs on ASP.NET and Node.js today.", {"The portal runs on ASP.NET and Node.js today."}},
    // 3. a.m./p.m. before a capitalised word that does not go on with the time.
    SegCase{"pm_then_title_and_name", "The session opened at 9 a.m. Foreign Minister Dar welcomed the guests.",
            {"The session opened at 9 a.m.", "Foreign Minister Dar welcomed the guests."}},
    SegCase{"pm_then_weekday", "The vote is set for 5 p.m. Thursday in the assembly hall.",
            {"The vote is set for 5 p.m. Thursday in the assembly hall."}},
    SegCase{"am_then_time_zone", "Flights resume at 6 a.m. PKT and at 8 a.m. Pakistan Standard Time for cargo.",
            {"Flights resume at 6 a.m. PKT and at 8 a.m. Pakistan Standard Time for cargo."}},
    SegCase{"am_then_month", "The deadline is 11 a.m. March 4 for all bids.", {"The deadline is 11 a.m. March 4 for all bids."}},
    // 4. Enumeration markers inside a sentence.
    SegCase{"inline_numbered_items", "Both leaders stressed two goals: 1. Expanding trade; 2. Building ports. They then left.",
            {"Both leaders stressed two goals: 1. Expanding trade; 2. Building ports.", "They then left."}},
    SegCase{"inline_lettered_items", "The plan lists three steps: a. Survey the route, b. Fund it, c. Build it.",
            {"The plan lists three steps: a. Survey the route, b. Fund it, c. Build it."}},
    SegCase{"inline_parenthesised_items", "The memo names two aims: 1) wider trade and 2) closer ties.",
            {"The memo names two aims: 1) wider trade and 2) closer ties."}},
    SegCase{"inline_items_wrapped_before_marker",
            "The two sides agreed on three points for the coming year: 1) wider trade between both sides,\n"
            "2) closer ties between the two peoples and their governments, and 3) regular talks. They left.",
            {"The two sides agreed on three points for the coming year: 1) wider trade between both sides,\n"
             "2) closer ties between the two peoples and their governments, and 3) regular talks.",
             "They left."}},
    SegCase{"list_after_line_without_inline_marker", "Two points were agreed, as listed below\n1) wider trade\n2) closer ties",
            {"Two points were agreed, as listed below", "1) wider trade", "2) closer ties"}},
    SegCase{"ratio_before_capital_is_no_marker", "The vote was 3:1. The motion passed.", {"The vote was 3:1.", "The motion passed."}},
    SegCase{"marker_after_sentence_end_is_item", "The talks went well. 1. Trade will grow.\n2. Ports will open.",
            {"The talks went well.", "1. Trade will grow.", "2. Ports will open."}},
    SegCase{"letter_sentence_end_not_marker", "Most votes went to plan b. The rest abstained.",
            {"Most votes went to plan b.", "The rest abstained."}},
    // 5. "I." after a lowercase word is the pronoun.
    SegCase{"pronoun_i_ends_sentence", "Nobody worked harder than you and I. Did anyone thank us?",
            {"Nobody worked harder than you and I.", "Did anyone thank us?"}},
    SegCase{"initial_i_before_surname", "The envoy John I. Rahman arrived. Talks began.",
            {"The envoy John I. Rahman arrived.", "Talks began."}},
    SegCase{"am_before_place_time", "The talks began at 10 a.m. Beijing time.", {"The talks began at 10 a.m. Beijing time."}},
    SegCase{"title_at_line_end", "Talks were chaired by Mr.\nLi Qiang, who welcomed the delegations to Beijing warmly.\nThey lasted two hours.",
            {"Talks were chaired by Mr.\nLi Qiang, who welcomed the delegations to Beijing warmly.", "They lasted two hours."}},
    SegCase{"wrapped_before_decimal", "Exports to the region reached a record\n4.7 billion dollars in the first half of the year.\nImports fell.",
            {"Exports to the region reached a record\n4.7 billion dollars in the first half of the year.", "Imports fell."}}),
    CaseName);

INSTANTIATE_TEST_SUITE_P(Segment, Chinese, ::testing::Values(
    SegCase{"two_sentences", "国家主席习近平会见巴基斯坦总理。双方进行了友好交谈。",
            {"国家主席习近平会见巴基斯坦总理。", "双方进行了友好交谈。"}},
    SegCase{"closing_quote_attaches", "发言人表示：“中方欢迎巴方参加。”发言人还说，双方将加强合作。",
            {"发言人表示：“中方欢迎巴方参加。”", "发言人还说，双方将加强合作。"}},
    SegCase{"title_with_exclamation", "《你好！中国》是一部纪录片。", {"《你好！中国》是一部纪录片。"}},
    SegCase{"quoted_question_title", "他发表题为“中国为什么能？”的讲话。", {"他发表题为“中国为什么能？”的讲话。"}},
    SegCase{"latin_abbreviation_in_parens", "联合国（U.N.）秘书长出席会议。", {"联合国（U.N.）秘书长出席会议。"}},
    SegCase{"latin_abbreviation_then_han", "据U.S. News报道，双方达成一致。", {"据U.S. News报道，双方达成一致。"}},
    SegCase{"latin_abbreviation_before_han", "美国U.S.总统访华。", {"美国U.S.总统访华。"}},
    SegCase{"decimals", "增长率为3.5%。中巴经济走廊2.0版本已经启动。", {"增长率为3.5%。", "中巴经济走廊2.0版本已经启动。"}},
    SegCase{"inline_numbered_items", "双方就两点达成一致：1. 扩大贸易；2. 加强合作。会议结束。",
            {"双方就两点达成一致：1. 扩大贸易；2. 加强合作。", "会议结束。"}},
    SegCase{"marker_after_sentence_end_is_item", "会议结束。1. 扩大贸易。", {"会议结束。", "1. 扩大贸易。"}},
    SegCase{"han_numeral_list", "双方同意：\n一、加强战略沟通；\n二、深化务实合作。",
            {"双方同意：", "一、加强战略沟通；", "二、深化务实合作。"}},
    SegCase{"parenthesised_han_list", "（一）能源合作\n（二）交通互联", {"（一）能源合作", "（二）交通互联"}},
    SegCase{"digit_dot_list", "1.推进项目建设\n2.加强人员往来", {"1.推进项目建设", "2.加强人员往来"}},
    SegCase{"digit_dot_list_inline_break", "1.推进项目建设。\n2.加强人员往来。", {"1.推进项目建设。", "2.加强人员往来。"}},
    SegCase{"circled_list", "①加强合作\n②扩大贸易", {"①加强合作", "②扩大贸易"}},
    SegCase{"ellipsis_runs_on", "等等……双方表示满意。", {"等等……双方表示满意。"}},
    SegCase{"ellipsis_mid", "会谈持续了两个小时……最后双方签署了协议。", {"会谈持续了两个小时……最后双方签署了协议。"}},
    SegCase{"question_in_quote_then_new", "他问道：“这是为什么？”大家都沉默了。",
            {"他问道：“这是为什么？”", "大家都沉默了。"}},
    SegCase{"no_terminator", "“一带一路”倡议提出十周年", {"“一带一路”倡议提出十周年"}},
    SegCase{"exclamation", "中巴是全天候战略合作伙伴！双方应加强合作。", {"中巴是全天候战略合作伙伴！", "双方应加强合作。"}},
    SegCase{"question", "这是真的吗？是的。", {"这是真的吗？", "是的。"}},
    SegCase{"headline",
            "习近平会见巴基斯坦总理夏巴兹\n新华社北京11月27日电 国家主席习近平27日在人民大会堂会见巴基斯坦总理夏巴兹。",
            {"习近平会见巴基斯坦总理夏巴兹", "新华社北京11月27日电 国家主席习近平27日在人民大会堂会见巴基斯坦总理夏巴兹。"}},
    SegCase{"hard_wrapped",
            "国家主席习近平二十七日在北京人民大会堂会见来华进行正式访\n问的巴基斯坦总理夏巴兹，双方就双边关系和共同关心的国际地\n区问题深入交换意见。双方同意加强合作。",
            {"国家主席习近平二十七日在北京人民大会堂会见来华进行正式访\n问的巴基斯坦总理夏巴兹，双方就双边关系和共同关心的国际地\n区问题深入交换意见。",
             "双方同意加强合作。"}},
    SegCase{"wrapped_after_clause_punctuation",
            "应国务院总理李强邀请，\n巴基斯坦总理夏巴兹于11月24日至27日对中国进行正式访问，\n双方就双边关系深入交换意见。",
            {"应国务院总理李强邀请，\n巴基斯坦总理夏巴兹于11月24日至27日对中国进行正式访问，\n双方就双边关系深入交换意见。"}},
    SegCase{"crlf", "第一句话。\r\n第二句话。\r\n", {"第一句话。", "第二句话。"}},
    SegCase{"bom", "\xEF\xBB\xBF第一句话。第二句话。", {"第一句话。", "第二句话。"}},
    SegCase{"long_title", "《中华人民共和国和巴基斯坦伊斯兰共和国联合声明》全文如下。",
            {"《中华人民共和国和巴基斯坦伊斯兰共和国联合声明》全文如下。"}},
    SegCase{"title_with_exclamation_before_full_stop",
            "《人民日报》发表评论员文章《携手构建更加紧密的中巴命运共同体！》。",
            {"《人民日报》发表评论员文章《携手构建更加紧密的中巴命运共同体！》。"}},
    SegCase{"title_opens_next_sentence", "他说。《你好！中国》是一本书。", {"他说。", "《你好！中国》是一本书。"}},
    SegCase{"opening_quote_opens_next", "会议结束。“我们很满意”，他说。", {"会议结束。", "“我们很满意”，他说。"}},
    SegCase{"initial_in_name", "美国国务卿安东尼·J.布林肯出席会议。", {"美国国务卿安东尼·J.布林肯出席会议。"}},
    SegCase{"times", "会议于上午10时开始。下午3时结束。", {"会议于上午10时开始。", "下午3时结束。"}},
    SegCase{"quoted_word", "中方愿同巴方一道，打造“升级版”。", {"中方愿同巴方一道，打造“升级版”。"}},
    SegCase{"exclamation_in_quote_at_end", "他说：“我们不会忘记！”", {"他说：“我们不会忘记！”"}},
    SegCase{"decimal_round", "这是第1.5轮谈判。", {"这是第1.5轮谈判。"}},
    SegCase{"qa_lines", "外交部发言人主持例行记者会。\n\n问：中方对此有何评论？\n答：中方欢迎。",
            {"外交部发言人主持例行记者会。", "问：中方对此有何评论？", "答：中方欢迎。"}},
    SegCase{"ordinal_sentences", "第一，加强政治互信。第二，深化务实合作。", {"第一，加强政治互信。", "第二，深化务实合作。"}},
    SegCase{"document_title", "双方签署了《关于深化中巴经济走廊合作的谅解备忘录》等文件。",
            {"双方签署了《关于深化中巴经济走廊合作的谅解备忘录》等文件。"}},
    SegCase{"two_quoted", "“你们好吗？”“很好！”", {"“你们好吗？”", "“很好！”"}},
    SegCase{"latin_title", "他还会见了Mr. Smith。", {"他还会见了Mr. Smith。"}},
    SegCase{"money_decimal", "截至2025年底，双边贸易额达到230.5亿美元。", {"截至2025年底，双边贸易额达到230.5亿美元。"}},
    SegCase{"signature_lines", "特此公告。\n外交部\n2026年11月27日", {"特此公告。", "外交部", "2026年11月27日"}},
    SegCase{"exclamation_in_quote_continues", "他强调：“必须坚持！”并要求各方落实。", {"他强调：“必须坚持！”并要求各方落实。"}},
    SegCase{"two_exclamations", "中国是巴基斯坦的好朋友！巴基斯坦是中国的好兄弟！",
            {"中国是巴基斯坦的好朋友！", "巴基斯坦是中国的好兄弟！"}},
    SegCase{"ascii_terminators", "这次访问意义重大?双方均表示满意!", {"这次访问意义重大?", "双方均表示满意!"}},
    SegCase{"byline", "（新华社记者 张三）", {"（新华社记者 张三）"}},
    SegCase{"next_line_starts_with_deng", "双方同意在能源、交通\n等领域加强合作。", {"双方同意在能源、交通\n等领域加强合作。"}},
    SegCase{"line_ends_with_function_char", "中方愿同巴方一道推进在\n瓜达尔港的合作。会谈结束。", {"中方愿同巴方一道推进在\n瓜达尔港的合作。", "会谈结束。"}},
    SegCase{"ellipsis_closes_quote", "他说：“合作还要继续……”随后离开了会场。", {"他说：“合作还要继续……”", "随后离开了会场。"}},
    SegCase{"quoted_cry_opens_sentence", "“一带一路万岁！”来宾们高声喊道。", {"“一带一路万岁！”来宾们高声喊道。"}},
    SegCase{"quote_with_full_stop_then_zhong", "他说：“我们是好朋友。”中方愿深化合作。", {"他说：“我们是好朋友。”", "中方愿深化合作。"}},
    SegCase{"list_marker_before_digit", "项目如下：\n（一）2号公路；\n（二）3号港口。", {"项目如下：", "（一）2号公路；", "（二）3号港口。"}},
    SegCase{"title_over_date", "中华人民共和国外交部关于双边关系的新闻公报\n二〇二六年三月三日，伊斯兰堡",
            {"中华人民共和国外交部关于双边关系的新闻公报", "二〇二六年三月三日，伊斯兰堡"}},
    SegCase{"quoted_title_with_inner_exclamation", "他发表题为“你好！中国”的讲话。", {"他发表题为“你好！中国”的讲话。"}},
    SegCase{"latin_ellipsis_runs_on", "双方表示...将继续合作。", {"双方表示...将继续合作。"}},
    SegCase{"end_note", "双方签署了协议。（完）", {"双方签署了协议。", "（完）"}},
    // Latin quotations, attributions, ellipses and wrapping (segfix).
    SegCase{"latin_title_question", "她在文章“Why Cooperate?”中回答了这个问题。", {"她在文章“Why Cooperate?”中回答了这个问题。"}},
    SegCase{"latin_title_full_stops", "该书题为“Old Roads. New Roads.”，出版后广受好评。随后再版。",
            {"该书题为“Old Roads. New Roads.”，出版后广受好评。", "随后再版。"}},
    SegCase{"colon_latin_question_ends", "记者用英语问：“Is the deal done?”发言人回答说，谈判仍在进行。",
            {"记者用英语问：“Is the deal done?”", "发言人回答说，谈判仍在进行。"}},
    SegCase{"quote_then_attribution", "“合作前景广阔。”王毅说。双方随后会见记者。", {"“合作前景广阔。”王毅说。", "双方随后会见记者。"}},
    SegCase{"ellipsis_then_speech_clause", "各方都在等待……外交部发言人表示，中方将继续斡旋。",
            {"各方都在等待……", "外交部发言人表示，中方将继续斡旋。"}},
    SegCase{"wrapped_after_inner_stop", "中方愿同各方一道，推动地区局势缓和，\n维护和平稳定。中方还就人道主义援助\n提出了具体建议。",
            {"中方愿同各方一道，推动地区局势缓和，\n维护和平稳定。", "中方还就人道主义援助\n提出了具体建议。"}},
    SegCase{"wrapped_before_decimal", "今年一季度，两国之间的双边贸易额达到了\n35.6亿美元，同比增长百分之十二。数据来自海关。",
            {"今年一季度，两国之间的双边贸易额达到了\n35.6亿美元，同比增长百分之十二。", "数据来自海关。"}}),
    CaseName);

INSTANTIATE_TEST_SUITE_P(Segment, Urdu, ::testing::Values(
    SegCase{"two_sentences", "وزیر اعظم شہباز شریف نے چین کا دورہ کیا۔ انہوں نے صدر شی جن پنگ سے ملاقات کی۔",
            {"وزیر اعظم شہباز شریف نے چین کا دورہ کیا۔", "انہوں نے صدر شی جن پنگ سے ملاقات کی۔"}},
    SegCase{"question_mark", "کیا یہ معاہدہ اہم ہے؟ جی ہاں۔", {"کیا یہ معاہدہ اہم ہے؟", "جی ہاں۔"}},
    SegCase{"latin_abbreviation_mid", "پاکستان اور U.S. کے درمیان بات چیت ہوئی۔", {"پاکستان اور U.S. کے درمیان بات چیت ہوئی۔"}},
    SegCase{"latin_abbreviation_start", "U.N. سیکرٹری جنرل نے بیان جاری کیا۔", {"U.N. سیکرٹری جنرل نے بیان جاری کیا۔"}},
    SegCase{"latin_full_stop", "یہ اچھا قدم ہے. اس سے تعاون بڑھے گا.", {"یہ اچھا قدم ہے.", "اس سے تعاون بڑھے گا."}},
    SegCase{"decimal", "معاشی ترقی کی شرح 3.5 فیصد رہی۔", {"معاشی ترقی کی شرح 3.5 فیصد رہی۔"}},
    SegCase{"version", "سی پیک 2.0 کا آغاز ہو گیا ہے۔", {"سی پیک 2.0 کا آغاز ہو گیا ہے۔"}},
    SegCase{"arabic_indic_list", "١۔ توانائی\n٢۔ مواصلات", {"١۔ توانائی", "٢۔ مواصلات"}},
    SegCase{"urdu_digit_list", "۱۔ پہلا نکتہ\n۲۔ دوسرا نکتہ", {"۱۔ پہلا نکتہ", "۲۔ دوسرا نکتہ"}},
    SegCase{"ascii_digit_list", "1۔ تجارت\n2۔ سرمایہ کاری", {"1۔ تجارت", "2۔ سرمایہ کاری"}},
    SegCase{"list_items_with_full_stops", "۱۔ تجارت بڑھے گی۔\n۲۔ سرمایہ کاری ہوگی۔", {"۱۔ تجارت بڑھے گی۔", "۲۔ سرمایہ کاری ہوگی۔"}},
    SegCase{"parenthesised_list", "(1) توانائی کے منصوبے\n(2) مواصلاتی رابطے", {"(1) توانائی کے منصوبے", "(2) مواصلاتی رابطے"}},
    SegCase{"bullets", "• تجارت\n• سرمایہ کاری", {"• تجارت", "• سرمایہ کاری"}},
    SegCase{"reversed_quotes", "انہوں نے کہا: ”ہم خوش ہیں۔“ پھر وہ چلے گئے۔",
            {"انہوں نے کہا: ”ہم خوش ہیں۔“", "پھر وہ چلے گئے۔"}},
    SegCase{"curly_quotes", "ترجمان نے کہا: “پاکستان چین کا دوست ہے۔” اجلاس ختم ہوا۔",
            {"ترجمان نے کہا: “پاکستان چین کا دوست ہے۔”", "اجلاس ختم ہوا۔"}},
    SegCase{"guillemets", "انہوں نے کہا «یہ تاریخی دن ہے۔» سب نے تالیاں بجائیں۔",
            {"انہوں نے کہا «یہ تاریخی دن ہے۔»", "سب نے تالیاں بجائیں۔"}},
    SegCase{"headline", "وزیر اعظم کی چینی صدر سے ملاقات\nبیجنگ، 27 نومبر (اے پی پی) وزیر اعظم نے آج چینی صدر سے ملاقات کی۔",
            {"وزیر اعظم کی چینی صدر سے ملاقات", "بیجنگ، 27 نومبر (اے پی پی) وزیر اعظم نے آج چینی صدر سے ملاقات کی۔"}},
    SegCase{"dateline_own_line", "اسلام آباد، 27 نومبر (اے پی پی)\nپاکستان اور چین نے پانچ معاہدوں پر دستخط کیے۔",
            {"اسلام آباد، 27 نومبر (اے پی پی)", "پاکستان اور چین نے پانچ معاہدوں پر دستخط کیے۔"}},
    SegCase{"hard_wrapped",
            "ملاقات میں باہمی دلچسپی کے امور پر تفصیلی تبادلہ خیال کیا گیا اور دونوں رہنماؤں\nنے تجارت، سرمایہ کاری اور توانائی کے شعبوں میں تعاون بڑھانے پر اتفاق کیا۔",
            {"ملاقات میں باہمی دلچسپی کے امور پر تفصیلی تبادلہ خیال کیا گیا اور دونوں رہنماؤں\nنے تجارت، سرمایہ کاری اور توانائی کے شعبوں میں تعاون بڑھانے پر اتفاق کیا۔"}},
    SegCase{"wrapped_after_comma",
            "وزیر اعظم نے کہا کہ پاکستان اور چین،\nجو ہر موسم کے اسٹریٹجک تعاون پر مبنی شراکت دار ہیں، مل کر کام کریں گے۔",
            {"وزیر اعظم نے کہا کہ پاکستان اور چین،\nجو ہر موسم کے اسٹریٹجک تعاون پر مبنی شراکت دار ہیں، مل کر کام کریں گے۔"}},
    SegCase{"crlf", "پہلا جملہ۔\r\nدوسرا جملہ۔\r\n", {"پہلا جملہ۔", "دوسرا جملہ۔"}},
    SegCase{"bom", "\xEF\xBB\xBFپہلا جملہ۔ دوسرا جملہ۔", {"پہلا جملہ۔", "دوسرا جملہ۔"}},
    SegCase{"year_at_start", "۲۰۲۶ میں دو طرفہ تجارت بڑھ گئی۔ یہ اچھی خبر ہے۔",
            {"۲۰۲۶ میں دو طرفہ تجارت بڑھ گئی۔", "یہ اچھی خبر ہے۔"}},
    // An ellipsis after a noun (a list left open) runs on; after a verb see below.
    SegCase{"ellipsis", "ایجنڈے میں تجارت، توانائی، تعلیم… سب شامل تھے۔", {"ایجنڈے میں تجارت، توانائی، تعلیم… سب شامل تھے۔"}},
    SegCase{"single_question", "کیا آپ متفق ہیں؟", {"کیا آپ متفق ہیں؟"}},
    SegCase{"latin_initials", "ڈاکٹر J. K. Smith نے رپورٹ لکھی۔", {"ڈاکٹر J. K. Smith نے رپورٹ لکھی۔"}},
    SegCase{"version_mid", "صدر نے کہا کہ CPEC 2.0 پر کام تیز کیا جائے گا۔ وزیر نے اتفاق کیا۔",
            {"صدر نے کہا کہ CPEC 2.0 پر کام تیز کیا جائے گا۔", "وزیر نے اتفاق کیا۔"}},
    SegCase{"times", "اجلاس صبح 10 بجے شروع ہوا۔ شام 4 بجے ختم ہوا۔", {"اجلاس صبح 10 بجے شروع ہوا۔", "شام 4 بجے ختم ہوا۔"}},
    SegCase{"signature", "وزارت خارجہ\n27 نومبر 2026", {"وزارت خارجہ", "27 نومبر 2026"}},
    SegCase{"exclamation", "پاکستان چین دوستی زندہ باد! دونوں ممالک ساتھ ہیں۔", {"پاکستان چین دوستی زندہ باد!", "دونوں ممالک ساتھ ہیں۔"}},
    SegCase{"latin_title", "Mr. Wang Yi نے پاکستان کا دورہ کیا۔", {"Mr. Wang Yi نے پاکستان کا دورہ کیا۔"}},
    SegCase{"usa_mid", "بیان میں کہا گیا کہ U.S.A. اور چین کو بات کرنی چاہیے۔", {"بیان میں کہا گیا کہ U.S.A. اور چین کو بات کرنی چاہیے۔"}},
    SegCase{"quoted_title_with_postposition", "عنوان: ”پاک چین دوستی زندہ باد!“ کے نام سے تقریب ہوئی۔",
            {"عنوان: ”پاک چین دوستی زندہ باد!“ کے نام سے تقریب ہوئی۔"}},
    SegCase{"abbreviation_in_parens", "اقوام متحدہ (U.N.) نے قرارداد منظور کی۔", {"اقوام متحدہ (U.N.) نے قرارداد منظور کی۔"}},
    SegCase{"mixed_terminators", "پاکستان نے کہا کہ وہ چین کے ساتھ ہے. چین نے شکریہ ادا کیا۔",
            {"پاکستان نے کہا کہ وہ چین کے ساتھ ہے.", "چین نے شکریہ ادا کیا۔"}},
    SegCase{"semicolon", "وزیر خارجہ نے کہا؛ تعاون جاری رہے گا۔", {"وزیر خارجہ نے کہا؛ تعاون جاری رہے گا۔"}},
    SegCase{"arabic_indic_number", "تقریب میں ١٠٠ سے زائد افراد شریک ہوئے۔", {"تقریب میں ١٠٠ سے زائد افراد شریک ہوئے۔"}},
    SegCase{"year_sign", "یہ تعلق ۱۹۵۱ء سے جاری ہے۔ دونوں ممالک دوست ہیں۔", {"یہ تعلق ۱۹۵۱ء سے جاری ہے۔", "دونوں ممالک دوست ہیں۔"}},
    SegCase{"agenda_list", "ایجنڈا:\n1. تجارت\n2. توانائی", {"ایجنڈا:", "1. تجارت", "2. توانائی"}},
    SegCase{"question_then_answer", "انہوں نے پوچھا: کیا یہ ممکن ہے؟ جواب ملا: ہاں۔",
            {"انہوں نے پوچھا: کیا یہ ممکن ہے؟", "جواب ملا: ہاں۔"}},
    SegCase{"quoted_term", "صدر نے کہا کہ پاکستان ”ون چائنا“ پالیسی کی حمایت کرتا ہے۔",
            {"صدر نے کہا کہ پاکستان ”ون چائنا“ پالیسی کی حمایت کرتا ہے۔"}},
    SegCase{"blank_line", "پہلا پیراگراف\n\nدوسرا پیراگراف۔", {"پہلا پیراگراف", "دوسرا پیراگراف۔"}},
    SegCase{"no_space_after_full_stop", "معاہدہ ہوا۔اگلا اجلاس کل ہوگا۔", {"معاہدہ ہوا۔", "اگلا اجلاس کل ہوگا۔"}},
    SegCase{"latin_ellipsis_runs_on", "وفد میں وزراء، افسران... سب شامل تھے۔", {"وفد میں وزراء، افسران... سب شامل تھے۔"}},
    SegCase{"quoted_title_inner_exclamation", "عنوان ”پاکستان! زندہ باد“ کے نام سے تقریب ہوئی۔",
            {"عنوان ”پاکستان! زندہ باد“ کے نام سے تقریب ہوئی۔"}},
    SegCase{"dotted_urdu_abbreviation", "پی۔ٹی۔آئی نے بیان جاری کیا۔ ایم۔کیو۔ایم نے حمایت کی۔",
            {"پی۔ٹی۔آئی نے بیان جاری کیا۔", "ایم۔کیو۔ایم نے حمایت کی۔"}},
    SegCase{"full_stop_between_digits", "شرح ۳۔۵ فیصد رہی۔ تاریخ 27۔11۔2026 ہے۔",
            {"شرح ۳۔۵ فیصد رہی۔", "تاریخ 27۔11۔2026 ہے۔"}},
    SegCase{"wrapped_after_postposition", "وزیر اعظم نے بندرگاہ کے\nانتظامات کا جائزہ لیا۔ اجلاس ختم ہوا۔",
            {"وزیر اعظم نے بندرگاہ کے\nانتظامات کا جائزہ لیا۔", "اجلاس ختم ہوا۔"}},
    SegCase{"next_line_starts_with_conjunction", "دونوں ممالک نے تجارت\nاور سرمایہ کاری بڑھانے کا فیصلہ کیا۔",
            {"دونوں ممالک نے تجارت\nاور سرمایہ کاری بڑھانے کا فیصلہ کیا۔"}},
    SegCase{"title_over_date", "پاکستان اور چین کے درمیان اسٹریٹجک مذاکرات کا مشترکہ اعلامیہ\nاسلام آباد، ۳ مارچ ۲۰۲۶ء",
            {"پاکستان اور چین کے درمیان اسٹریٹجک مذاکرات کا مشترکہ اعلامیہ", "اسلام آباد، ۳ مارچ ۲۰۲۶ء"}},
    // Issue 12 item 7: an agency dateline (place۔date (agency):) is no sentence.
    SegCase{"agency_dateline", "لاہور۔12اپریل (اے پی پی): صوبائی وزیر نے منصوبے کا افتتاح کیا۔ تقریب ختم ہوئی۔",
            {"لاہور۔12اپریل (اے پی پی): صوبائی وزیر نے منصوبے کا افتتاح کیا۔", "تقریب ختم ہوئی۔"}},
    SegCase{"agency_dateline_month_first", "کراچی۔اپریل 12 (APP): اجلاس ہوا۔ فیصلے کیے گئے۔",
            {"کراچی۔اپریل 12 (APP): اجلاس ہوا۔", "فیصلے کیے گئے۔"}},
    SegCase{"stop_before_number_ends_sentence", "اجلاس ختم ہوا۔12 ارکان غیر حاضر تھے۔",
            {"اجلاس ختم ہوا۔", "12 ارکان غیر حاضر تھے۔"}},
    SegCase{"stop_before_number_then_colon", "اجلاس ختم ہوا۔12 نکات یہ ہیں: تجارت اور توانائی۔",
            {"اجلاس ختم ہوا۔", "12 نکات یہ ہیں: تجارت اور توانائی۔"}},
    SegCase{"stop_before_number_later_in_line", "وزیر اعظم نے صوبائی حکومت کی کارکردگی کا جائزہ لیا۔12 نکات پر اتفاق ہوا: تجارت اور توانائی۔",
            {"وزیر اعظم نے صوبائی حکومت کی کارکردگی کا جائزہ لیا۔", "12 نکات پر اتفاق ہوا: تجارت اور توانائی۔"}},
    SegCase{"inline_numbered_items", "دونوں فریقوں نے دو نکات پر اتفاق کیا: 1۔ تجارت میں اضافہ؛ 2۔ بندرگاہوں کی تعمیر۔ اجلاس ختم ہوا۔",
            {"دونوں فریقوں نے دو نکات پر اتفاق کیا: 1۔ تجارت میں اضافہ؛ 2۔ بندرگاہوں کی تعمیر۔", "اجلاس ختم ہوا۔"}},
    SegCase{"marker_after_sentence_end_is_item", "اجلاس ختم ہوا۔ 1۔ تجارت بڑھے گی۔", {"اجلاس ختم ہوا۔", "1۔ تجارت بڑھے گی۔"}},
    SegCase{"urdu_letter_list", "(الف) توانائی\n(ب) تجارت", {"(الف) توانائی", "(ب) تجارت"}},
    // Ellipses after a verb, quoted questions, attributions, wrapping (segfix).
    SegCase{"ellipsis_after_verb_ends", "اجلاس ختم ہو گیا… اگلا اجلاس جمعہ کو ہوگا۔", {"اجلاس ختم ہو گیا…", "اگلا اجلاس جمعہ کو ہوگا۔"}},
    SegCase{"ellipsis_after_verb_but_goes_on", "ہم تیار ہیں… مگر شرائط واضح ہونی چاہئیں۔", {"ہم تیار ہیں… مگر شرائط واضح ہونی چاہئیں۔"}},
    SegCase{"quoted_question_then_to", "وزیر نے پوچھا کہ “کیا معاہدہ ہو گیا؟” تو سیکرٹری نے تفصیل بتائی۔ اجلاس ختم ہوا۔",
            {"وزیر نے پوچھا کہ “کیا معاہدہ ہو گیا؟” تو سیکرٹری نے تفصیل بتائی۔", "اجلاس ختم ہوا۔"}},
    SegCase{"quote_then_attribution", "“ہم ساتھ ہیں۔” وزیر نے کہا۔ اجلاس ختم ہوا۔", {"“ہم ساتھ ہیں۔” وزیر نے کہا۔", "اجلاس ختم ہوا۔"}},
    SegCase{"wrapped_before_decimal", "دونوں ملکوں کے درمیان تجارت پچھلے سال\n4.2 ارب ڈالر تک پہنچ گئی اور اس میں اضافہ ہوا۔ یہ ریکارڈ ہے۔",
            {"دونوں ملکوں کے درمیان تجارت پچھلے سال\n4.2 ارب ڈالر تک پہنچ گئی اور اس میں اضافہ ہوا۔", "یہ ریکارڈ ہے۔"}}),
    CaseName);

TEST(Segment, OffsetsIncludeTheBom) {
  auto seg = Segmenter::Create(Language::kEnglish);
  ASSERT_TRUE(seg.ok());
  auto doc = Document::FromString("bom", "\xEF\xBB\xBFOne. Two.\r\n");
  ASSERT_TRUE(doc.ok());
  auto sentences = (*seg)->Split(*doc);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].span, (Span{3, 7}));
  EXPECT_EQ(sentences[1].span, (Span{8, 12}));
}

TEST(Segment, ParagraphIndices) {
  auto seg = Segmenter::Create(Language::kEnglish);
  ASSERT_TRUE(seg.ok());
  auto doc = Document::FromString("p", "One. Two.\n\n\nThree.");
  ASSERT_TRUE(doc.ok());
  auto sentences = (*seg)->Split(*doc);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].paragraph, 0u);
  EXPECT_EQ(sentences[1].paragraph, 0u);
  EXPECT_EQ(sentences[2].paragraph, 1u);
}

TEST(Segment, EmptyAndBlankDocuments) {
  auto seg = Segmenter::Create(Language::kChinese);
  ASSERT_TRUE(seg.ok());
  for (const char* text : {"", "\xEF\xBB\xBF", " \n\r\n\t\u3000"}) {
    auto doc = Document::FromString("empty", text);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE((*seg)->Split(*doc).empty());
  }
}

TEST(Segment, UnknownLanguageIsAnError) {
  auto seg = Segmenter::Create(Language::kUnknown);
  EXPECT_FALSE(seg.ok());
}

TEST(Segment, MissingRulesFileIsNamed) {
  SegmenterOptions options;
  options.rules_path = "/nonexistent/xx.rules";
  auto seg = Segmenter::Create(Language::kEnglish, options);
  ASSERT_FALSE(seg.ok());
  EXPECT_NE(seg.status().message().find("/nonexistent/xx.rules"), std::string::npos);
}

struct RulesError {
  const char* text;
  const char* where;  // "FILE:LINE:COL"
  const char* what;
};

TEST(SegmentRules, ErrorsNameFileLineAndColumn) {
  const RulesError cases[] = {
      {"[bogus]\n", "t.rules:1:1:", "unknown section"},
      {"Mr.\n", "t.rules:1:1:", "before the first [section]"},
      {"[settings]\nmin_wrap_width = wide\n", "t.rules:2:18:", "number"},
      {"[settings]\n  colour = red\n", "t.rules:2:3:", "unknown setting"},
      {"[settings]\ninitials = maybe\n", "t.rules:2:12:", "yes or no"},
      {"[terminators]\n。 ab\n", "t.rules:2:3:", "not one character"},
      {"[terminators]\nU+ZZ\n", "t.rules:2:1:", "bad code point"},
      {"[no_break_inside]\n《\n", "t.rules:2:1:", "opening and a closing"},
      {"# c\n[list_markers]\n• {digits}.{nope}\n", "t.rules:3:12:", "unknown pattern element"},
      {"[list_markers]\n({digits\n", "t.rules:2:2:", "unclosed"},
      {"[closing] x\n", "t.rules:1:1:", "section header"},
  };
  for (const RulesError& c : cases) {
    auto rules = internal::ParseSegmentRules(c.text, "t.rules");
    ASSERT_FALSE(rules.ok()) << c.text;
    EXPECT_EQ(rules.status().message().rfind(c.where, 0), 0u) << rules.status().message();
    EXPECT_NE(rules.status().message().find(c.what), std::string::npos) << rules.status().message();
  }
}

TEST(SegmentRules, BundledRulesParse) {
  for (Language lang : {Language::kEnglish, Language::kChinese, Language::kUrdu}) {
    auto seg = Segmenter::Create(lang);
    EXPECT_TRUE(seg.ok()) << seg.status().message();
  }
}

TEST(SegmentRules, ListMarkers) {
  auto rules = internal::ParseSegmentRules("[list_markers]\n{digits}.{space} ({latin}) {han}、\n", "t.rules");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->MatchListMarker("12. Item", 0), 4u);
  EXPECT_EQ(rules->MatchListMarker("۱۲. Item", 0), 6u);  // Urdu digits are digits
  EXPECT_EQ(rules->MatchListMarker("2.0 is", 0), std::string_view::npos);
  EXPECT_EQ(rules->MatchListMarker("2026. The", 0), std::string_view::npos);  // a year, not an item
  EXPECT_EQ(rules->MatchListMarker("(b) x", 0), 3u);
  EXPECT_EQ(rules->MatchListMarker("十二、合作", 0), 9u);
  EXPECT_EQ(rules->MatchListMarker("3.", 0), 2u);  // {space} matches the end
}

// A custom rules file replaces the bundled one.
TEST(SegmentRules, CustomRulesPath) {
  const std::string path = ::testing::TempDir() + "/custom-" + std::to_string(::getpid()) + ".rules";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("[terminators]\n. \n[non_final]\nZq.\n", f);
    std::fclose(f);
  }
  SegmenterOptions options;
  options.rules_path = path;
  auto seg = Segmenter::Create(Language::kEnglish, options);
  ASSERT_TRUE(seg.ok()) << seg.status().message();
  auto doc = Document::FromString("c", "Zq. Li came. Mr. Li left.");
  ASSERT_TRUE(doc.ok());
  std::vector<std::string> got;
  for (const Sentence& s : (*seg)->Split(*doc)) got.emplace_back(doc->Slice(s.span));
  EXPECT_EQ(got, (std::vector<std::string>{"Zq. Li came.", "Mr.", "Li left."}));
}

// Random documents of mixed scripts, punctuation and line breaks: whatever
// the segmenter decides, sentences are exact, ordered, non-overlapping,
// non-empty slices and only white space lies between them.
TEST(Segment, PropertiesOnRandomDocuments) {
  const std::vector<std::string> pieces = {
      "word", "Mr.", "U.S.", "J.", "2.0", "3", "。", "！", "？", "۔", "؟", ".", "?", "!", "...", "…", "……",
      "“", "”", "\"", "'", "(", ")", "《", "》", "「", "」", "«", "»", "一、", "1.", "(1)", "a)", "•", "١۔",
      "۱۔", "中国", "合作", "پاکستان", "چین", "The", "he", " ", " ", " ", "\n", "\n", "\r\n", "\n\n",
      "\t", "\u3000", "U.N", "e.g.", "p.m.", "Nov.", "No.", "的", "کے", "—", "-", ",", "，", "、", "\u200C",
      "etc.", "Approx.", "（一）", "等", "the", "اور", "پی۔ٹی", "۳۔۵", "：", ":", "(الف)", "Li", "“中国！”"};
  std::mt19937 rng(12345);
  for (Language lang : {Language::kEnglish, Language::kChinese, Language::kUrdu}) {
    auto seg = Segmenter::Create(lang);
    ASSERT_TRUE(seg.ok());
    for (int round = 0; round < 300; ++round) {
      std::string text = rng() % 4 == 0 ? "\xEF\xBB\xBF" : "";
      const int n = static_cast<int>(rng() % 60);
      for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
      auto doc = Document::FromString("random", text);
      ASSERT_TRUE(doc.ok());
      size_t prev_end = doc->content_begin();
      for (const Sentence& s : (*seg)->Split(*doc)) {
        ASSERT_LE(prev_end, s.span.begin) << text;
        ASSERT_LT(s.span.begin, s.span.end) << text;
        ASSERT_LE(s.span.end, text.size());
        EXPECT_EQ(TrimSpan(text, s.span), s.span) << text;
        EXPECT_FALSE(FindInvalidUtf8(doc->Slice(s.span)).has_value()) << text;
        EXPECT_EQ(TrimSpan(text, {prev_end, s.span.begin}).size(), 0u) << text;
        prev_end = s.span.end;
      }
      EXPECT_EQ(TrimSpan(text, {prev_end, text.size()}).size(), 0u) << text;
    }
  }
}

TEST(Segment, ConcurrentSplitsAgree) {
  auto seg = Segmenter::Create(Language::kEnglish);
  ASSERT_TRUE(seg.ok());
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Mr. Li met the U.S. envoy at 3 p.m. on Nov. 27. The talks went well. ";
  auto doc = Document::FromString("t", text);
  ASSERT_TRUE(doc.ok());
  const size_t expected = (*seg)->Split(*doc).size();
  EXPECT_EQ(expected, 400u);
  std::vector<size_t> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { got[t] = (*seg)->Split(*doc).size(); });
  for (auto& th : threads) th.join();
  for (size_t g : got) EXPECT_EQ(g, expected);
}

TEST(Segment, SplitLinesKeepsLineNumbers) {
  auto doc = Document::FromString("l", "One.\n\n  Two. Three.\r\nFour");
  ASSERT_TRUE(doc.ok());
  auto lines = SplitLines(*doc);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[1].span.empty());
  EXPECT_EQ(doc->Slice(lines[2].span), "Two. Three.");
  EXPECT_EQ(doc->Slice(lines[3].span), "Four");
}

TEST(Segment, CacheKeepsOneSegmenterPerLanguage) {
  SegmenterCache cache;
  auto en = cache.Get(Language::kEnglish);
  auto en_again = cache.Get(Language::kEnglish);
  auto zh = cache.Get(Language::kChinese);
  ASSERT_TRUE(en.ok() && en_again.ok() && zh.ok());
  EXPECT_EQ(en->get(), en_again->get());
  EXPECT_NE(en->get(), zh->get());
  EXPECT_EQ((*zh)->language(), Language::kChinese);
  EXPECT_FALSE(cache.Get(Language::kUnknown).ok());
}

}  // namespace
}  // namespace align

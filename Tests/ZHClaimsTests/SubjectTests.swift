// SubjectTests.swift — what a claim counts or measures (CONVENTIONS.md, "subject").
//
// Made-up sentences, one pattern each; every expectation is a substring of its sentence.
import Testing
@testable import ZHClaims

/// The claims of `text`, as (span text, subject).
private func subjects(_ text: String) throws -> [(text: String, subject: String?)] {
    let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
    let result = try extractor.extract(Document(id: "t", text: text))
    let buffer = result.segmented.buffer
    return result.claims.map { (buffer.text($0.span), $0.subject) }
}

/// The subject of the claim whose span is `span` in `text` (a test failure when there is none).
private func subject(of span: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
    let claims = try subjects(text)
    guard let c = claims.first(where: { $0.text == span }) else {
        Issue.record("no claim \(span) in \(text): \(claims.map(\.text))", sourceLocation: sourceLocation)
        return nil
    }
    return c.subject
}

@Suite struct SubjectTests {
    // MARK: Before the number

    @Test func nounBeforeTheNumber() throws {
        #expect(try subject(of: "235宗", in: "今年以来，海关共查处走私案件235宗。") == "走私案件")
    }

    @Test func verbsAndAdverbsBeforeTheNumberAreLeftOut() throws {
        #expect(try subject(of: "3.5万人次", in: "景区国庆期间累计接待游客3.5万人次。") == "游客")
        #expect(try subject(of: "4800万元", in: "该区全年财政收入达4800万元。") == "财政收入")
    }

    @Test func firstOrManyTimesIsAnAdverb() throws {
        #expect(try subject(of: "超过32万亿美元", in: "数据显示，美国国债首次超过32万亿美元。") == "美国国债")
        #expect(try subject(of: "超过一亿人次", in: "国庆假期，全国旅游日接待人数多次超过一亿人次。") == "旅游日接待人数")
    }

    @Test func modalsAndVerbsOfReachingAreBridges() throws {
        #expect(try subject(of: "10倍左右", in: "市盈率可能也就在10倍左右。") == "市盈率")
        #expect(try subject(of: "2.4万亿", in: "年底规模破2.4万亿。") == "规模")
        #expect(try subject(of: "三组", in: "70多名民兵分成三组，挨家挨户搜救。") == "民兵")
    }

    @Test func aChangesOwnVerbIsNoPartOfItsSubject() throws {
        #expect(try subject(of: "124.5万桶", in: "会议曾决定将其原油日产量削减124.5万桶。") == "原油日产量")
        #expect(try subject(of: "1万亿美元", in: "美股3天市值蒸发1万亿美元。") == "市值")
        #expect(try subject(of: "3.5%", in: "美国2020年全年GDP萎缩3.5%。") == "GDP")
        #expect(try subject(of: "70%", in: "如果把审批时限压缩70%，每年能省下利息。") == "审批时限")
        #expect(try subject(of: "约三分之一", in: "可以将港口间的航行时间缩减约三分之一。") == "航行时间")
    }

    @Test func aWordBeforeTheAspectParticleIsAVerb() throws {
        #expect(try subject(of: "約1個月", in: "意大利公司用了約1個月時間完成。") == "意大利公司")
        #expect(try subject(of: "11个", in: "其他11个安理会成员投了弃权票。") == "安理会成员")
        #expect(try subject(of: "70年", in: "牧民莫日根在库布其沙漠生活了70年。") != "库布其沙漠生活")
        // A clause-final 了 may follow a noun.
        #expect(try subject(of: "13亿人口", in: "他们渴望分享这13亿人口的大市场了。") == "大市场")
        // One character alone names no activity.
        #expect(try subject(of: "一个", in: "说一个，外婆新年好。") == nil)
    }

    @Test func anAdverbBeforeANounIsItsAdjective() throws {
        #expect(try subject(of: "3项", in: "推出3项特别措施。") == "特别措施")
        #expect(try subject(of: "822.3亿元", in: "今年以来，直接经济损失822.3亿元。") == "直接经济损失")
        // Before a verb or 是 it stays an adverb.
        #expect(try subject(of: "3岁以下", in: "特别是3岁以下儿童。") != "特别")
        #expect(try subject(of: "一年", in: "過去的一年特別令人不安。") == nil)
    }

    @Test func aVerbOfChangeAndASuffixOfQuantityAreOneNoun() throws {
        #expect(try subject(of: "95.65%", in: "134项行政许可办理时限压缩率达95.65%。") == "行政许可办理时限压缩率")
        #expect(try subject(of: "679.11万吨", in: "截至10月份，甲醇进口累计值为679.11万吨。") == "甲醇进口累计值")
        // Not after a bridge that changes nothing: 最高 + 额 stays a modifier and a noun.
        #expect(try subject(of: "8年", in: "总产量的增幅均达到8年最高值。") != "最高值")
    }

    @Test func verbsOfWinningAndGoingOnBridge() throws {
        #expect(try subject(of: "777票", in: "选举管理委员会宣布：林郑月娥获得777票。") == "林郑月娥")
        #expect(try subject(of: "331席", in: "计票工作结束，保守党夺得331席。") == "保守党")
        #expect(try subject(of: "51%以上", in: "该指数继续运行在51%以上的较高景气区间。") == "指数")
    }

    @Test func aResultSomethingWasWonWithIsTheWinners() throws {
        #expect(try subject(of: "1分44秒93", in: "男子200米自由泳决赛中，孙杨以1分44秒93获得冠军。") == "孙杨")
        #expect(try subject(of: "61.235分", in: "中国选手董栋在蹦床男子个人决赛中以61.235分获得亚军。") == "中国选手董栋")
        #expect(try subject(of: "177公斤", in: "中国选手吕小军以177公斤的成绩打破抓举世界纪录。") == "中国选手吕小军")
    }

    @Test func aPartOfWhatWasJustCountedIsOfItsNoun() throws {
        #expect(try subject(of: "200萬個", in: "贈送外國的1000萬個口罩，當中200萬個捐給美國。") == "口罩")
        #expect(try subject(of: "30人", in: "民協目前黨員有約80人，當中30人較為核心。") == "黨員")
        #expect(try subject(of: "11人", in: "死者當中有11人是婦女。") == "死者")
    }

    @Test func aListClosedByDengNamesWhatIsCounted() throws {
        #expect(try subject(of: "几十人", in: "公务员与离退休干部等几十人在农行排队。") == "离退休干部")
        #expect(try subject(of: "9项", in: "该片获得最佳新人等9项大奖。") == "大奖")
        #expect(try subject(of: "8宗", in: "新增32宗確診個案，其餘8宗與家人有關。") == "確診個案")
        #expect(try subject(of: "4例", in: "新增28例，均为境外输入病例，含4例由无症状感染者转为确诊病例。") == "境外输入病例")
    }

    @Test func aCountedNounOpenedByAVerbEndsAtTheAdverbOfItsPredicate() throws {
        #expect(try subject(of: "7台", in: "环绕器上的7台探测设备将全部开机。") == "探测设备")
        #expect(try subject(of: "24部", in: "数量再创新高，24部入围中外影片将角逐各项大奖。") == "入围中外影片")
        #expect(try subject(of: "两座", in: "葫芦岛开工建设兴城两座抽水蓄能电站。") != "抽水蓄")
        // Not after events or places, which a verb phrase follows.
        #expect(try subject(of: "两次", in: "常委会两次审议民族团结进步条例。") != "审议民族团结")
    }

    @Test func aClauseVerbAfterDeEndsTheNoun() throws {
        #expect(try subject(of: "44%", in: "调查显示，44%的孩子认为规则太多。") == "孩子")
        #expect(try subject(of: "83歲", in: "83歲的毛伯伯說，他不會搬走。") == "毛伯伯")
        #expect(try subject(of: "559.8亿元", in: "总额559.8亿元的新型显示产业园，今天开工。") == "新型显示产业园")
    }

    @Test func whatANumberIsComparedWithIsNotItsSubject() throws {
        #expect(try subject(of: "2.6万平方米", in: "展示总面积15.2万平方米，比上届增加2.6万平方米。") == "总面积")
        #expect(try subject(of: "兩成", in: "經濟損失約3.5億港元，較上次颱風增加兩成。") == "經濟損失")
    }

    @Test func fromADatesValueToAnother() throws {
        let text = "贫困发生率从2012年的26.8%下降到2021年的0.6%。"
        #expect(try subject(of: "26.8%", in: text) == "贫困发生率")
        #expect(try subject(of: "0.6%", in: text) == "贫困发生率")
    }

    @Test func fromAValueIntroducedBy由() throws {
        #expect(try subject(of: "84.6%", in: "慢性重型肝炎的病死率由84.6%降至56.6%。") == "病死率")
    }

    @Test func aTimeFrameOrAScopeBetweenSubjectAndNumber() throws {
        #expect(try subject(of: "136宗", in: "確診病例2天內暴增136宗。") == "確診病例")
        #expect(try subject(of: "11.2%", in: "黑龙江粮食产量占全国11.2%。") == "黑龙江粮食产量")
        // A count of occasions after a verb keeps the verb: the frame does not reach its agent.
        #expect(try subject(of: "四次", in: "康先生一周內光顧四次這家餐廳。") == "光顧")
    }

    @Test func aCountOfPeopleEndsAtTheNounForPeople() throws {
        #expect(try subject(of: "兩名", in: "大火導致兩名消防員殉職。") == "消防員")
        #expect(try subject(of: "290余位", in: "来自各地的290余位大学女校长参会。") == "大学女校长")
        #expect(try subject(of: "2000多位", in: "寻访到2000多位“身边好人”。") == "身边好人")
    }

    @Test func aCountOfPeopleNamedBefore的() throws {
        // The people are named before 的, what follows is theirs ...
        #expect(try subject(of: "11名", in: "涉及11名被捕男女的案件在區域法院續審。") == "被捕男女")
        #expect(try subject(of: "3名", in: "怎麼對得住3名自殺人士的家屬？") == "自殺人士")
        // ... unless a noun for people follows, which the clause before 的 describes.
        #expect(try subject(of: "2名", in: "包括2名襲擊記者的人士。") == "人士")
        #expect(try subject(of: "4名", in: "警方对4名杀害中国公民的犯罪嫌疑人进行审讯。") == "犯罪嫌疑人")
        #expect(try subject(of: "41人", in: "在针对41人的无人机打击行动中。") == "无人机打击行动")
    }

    @Test func aPersonOfAnAgeEndsBeforeAVerb() throws {
        #expect(try subject(of: "83岁", in: "83岁的约翰读完习主席的复信。") == "约翰")
        #expect(try subject(of: "75岁", in: "75岁的退休教师王明。") == "退休教师王明")
        #expect(try subject(of: "37岁", in: "37岁的中国选手吕小军夺冠。") == "中国选手吕小军")
        #expect(try subject(of: "30岁", in: "就是30岁的门窗安装工周玉祥。") == "门窗安装工周玉祥")
    }

    @Test func namesThatOpenWithANumberOrAFunctionCharacter() throws {
        #expect(try subject(of: "3%", in: "3%的10年美债收益率可能是爆破点。") == "10年美债收益率")
        // (`空軍一架U2…` alone is the indefinite article; 僅 makes it a count.)
        #expect(try subject(of: "一架", in: "美國空軍僅一架U2間諜偵察機墜毀。") == "U2間諜偵察機")
        #expect(try subject(of: "73歲", in: "73歲的曾蔭權，今年1月原審被控。") == "曾蔭權")
    }

    @Test func aSumPaidWith以IsThePriceOfWhatIsBought() throws {
        #expect(try subject(of: "151亿美元", in: "批准中海油以151亿美元收购加拿大尼克森公司。") == "加拿大尼克森公司")
        #expect(try subject(of: "1.2亿港元", in: "该画作以1.2亿港元成交。") == "画作")
    }

    @Test func aClauseThatNamesNothingContinuesTheTopicBefore() throws {
        let text = "白酒行业营收增速再上台阶，从此前20%左右进一步提升至40%。"
        #expect(try subject(of: "20%左右", in: text) == "营收增速")
        #expect(try subject(of: "40%", in: text) == "营收增速")
        let two = "美债收益率快速上升，近日突破2.5%以上的几个主要关口，上升到2.85%附近。"
        #expect(try subject(of: "2.85%附近", in: two) == "美债收益率")
        #expect(try subject(of: "4.0%", in: "新兴经济体继续维持复苏势头，2023年将增长4.0%。") == "新兴经济体")
        // Not after a verb of having: a new subject often follows it.
        #expect(try subject(of: "66%", in: "市民普遍信任政府，有66%願意接種。") == nil)
    }

    @Test func aRankAmongAClassIsTheEntitysBeforeTheVerb() throws {
        #expect(try subject(of: "第一", in: "中国移动有效专利总量连续三年居全球运营商第一。") == "中国移动有效专利总量")
        #expect(try subject(of: "第一", in: "农民收入增速连续9年居浙江省第一。") == "农民收入增速")
    }

    @Test func aScoreWonWith以IsTheTeamsBeforeIt() throws {
        #expect(try subject(of: "3", in: "世界杯揭幕战结束，巴西以3比1战胜克罗地亚。") == "巴西")
        #expect(try subject(of: "2", in: "阿根廷足球队在决赛中以2∶0战胜东道主法国队。") == "阿根廷足球队")
    }

    @Test func theRightHandScoreIsTheOpponentsAfterTheVerbOfResult() throws {
        #expect(try subject(of: "1", in: "世界杯揭幕战结束，巴西以3比1战胜克罗地亚。") == "克罗地亚")
        #expect(try subject(of: "2", in: "德国在F组以0：2败于南韩，首次小组出局。") == "南韩")
        #expect(try subject(of: "0", in: "中国队最终以3比0的比分战胜日本队。") == "日本队")
        // No team after the verb: the verb is not what the score counts.
        #expect(try subject(of: "1", in: "刘国梁发挥出色，以3∶1获胜。") == nil)
    }

    @Test func goalsAreTheScorersNamedBeforeTheVerbOfScoring() throws {
        #expect(try subject(of: "三球", in: "下半场，哥伦比亚队连入三球。") == "哥伦比亚队")
        #expect(try subject(of: "两球", in: "依靠阿扎尔、卢卡库双双打进两球，比利时取胜。") == "卢卡库")
        // A match count before the noun makes it a frame; no verb of scoring, no scorer.
        #expect(try subject(of: "16球", in: "本赛季米兰11轮联赛打进16球。") == nil)
        #expect(try subject(of: "两球", in: "中国女足在上半场落后两球的不利形势下扳平。") == nil)
        // Where or when they were scored is no side: 在 names a place, 赛事 and 下半场 a frame.
        #expect(try subject(of: "3球", in: "鲁尼在老特拉福德打入3球。") == "鲁尼")
        #expect(try subject(of: "7球", in: "梅西本届赛事打入7球。") == nil)
    }

    @Test func twoUnknownCharactersAfter被AreAVerb() throws {
        #expect(try subject(of: "两部", in: "中央商城的滚梯被压坏两部。") == "滚梯")
        #expect(try subject(of: "100多米", in: "汽车残骸被炸飞100多米。") == "汽车残骸")
    }

    @Test func whatLastsIsWhoDoesItNotWhere() throws {
        #expect(try subject(of: "超过20年", in: "张佑君先生在中信集团工作超过20年。") == "张佑君先生")
        #expect(try subject(of: "173天", in: "这三名宇航员在太空度过了173天。") == "三名宇航员")
        #expect(try subject(of: "30年", in: "他在香港生活了30年。") == "他")
        #expect(try subject(of: "两天", in: "出生仅两天的她被父母遗弃。") == "她")
        // A frame, not something lasting.
        #expect(try subject(of: "一年", in: "企业在短短一年时间获得订单。") == nil)
        // A level is not what lasts (ICU cuts 新|低).
        #expect(try subject(of: "三年", in: "创业板指创三年新低。") == "创业板指")
        // An anniversary is the event's.
        #expect(try subject(of: "50周年", in: "基奎特总统在中坦建交50周年之际访华。") == "中坦建交")
        #expect(try subject(of: "70周年", in: "在庆祝中华人民共和国成立70周年大会上。") == "中华人民共和国成立")
    }

    @Test func aCountOfPeopleOpenedByAVerbEndsAtItsNoun() throws {
        #expect(try subject(of: "千名", in: "俄乌确认互换千名被俘人员行动完成。") == "被俘人员")
        #expect(try subject(of: "17人", in: "17人组成短网队。") == nil)
    }

    @Test func timeWordsAndThisBeforeAClassifier() throws {
        #expect(try subject(of: "兩宗", in: "北京昨日新增兩宗本地確診個案。") == "本地確診個案")
        #expect(try subject(of: "5名", in: "5名密切接觸者檢測結果呈陽性。") == "密切接觸者")
        // Nouns jieba tags as adverbs: 立法, 首相, 积分.
        #expect(try subject(of: "4名", in: "補選當選的4名立法會議員今早宣誓。") == "立法會議員")
        #expect(try subject(of: "一小時", in: "今屆投票時間縮短一小時。") == "投票時間")
        #expect(try subject(of: "三十年", in: "习近平主席第一次访美距今已有三十年。") == "习近平主席第一次访美")
        #expect(try subject(of: "两年", in: "欧佩克下调今明两年全球石油需求预期。") == nil)
    }

    @Test func agePredicatesAreBridges() throws {
        #expect(try subject(of: "23岁", in: "牺牲时，田波扬年仅23岁。") == "田波扬")
        // 享年 and 终年 (age at death) as well: never the subject themselves.
        #expect(try subject(of: "94岁", in: "武侠小说泰斗金庸享年94岁。") == "武侠小说泰斗金庸")
        // After a clause naming the person, the age is theirs (see anAgeAtDeathIsThePersons…).
        #expect(try subject(of: "80歲", in: "鄉議局前主席劉皇發今早病逝，終年80歲。")?.hasSuffix("劉皇發") == true)
    }

    @Test func aRatesPeriodIsNotTheSubject() throws {
        #expect(try subject(of: "159公里", in: "台风的最大风力高达每小时159公里。") == "最大风力")
        #expect(try subject(of: "19800元", in: "今年的棉花目标价是每吨19800元。") == "棉花目标价")
    }

    @Test func fromOneValueToTheNextMeasuresOneThing() throws {
        #expect(try subject(of: "750亿美元", in: "资产购买规模将从850亿美元缩减至750亿美元。") == "资产购买规模")
        #expect(try subject(of: "60万头", in: "非洲野生大象数量从130万头锐减到60万头。") == "非洲野生大象数量")
    }

    @Test func aVerbOpeningAListedNounAfterACount() throws {
        #expect(try subject(of: "12个", in: "来自俄罗斯的12个演出团体和800多名艺术家参加。") == "演出团体")
    }

    @Test func anAgeBelongsToThePersonBeforeTheWordAge() throws {
        #expect(try subject(of: "2至65歲", in: "6名病人年齡介乎2至65歲。") == "病人")
    }

    @Test func aVerbBeforeANameIsNoNoun() throws {
        // 金 ends nouns (资金) but here opens a name ICU does not know.
        #expect(try subject(of: "7部", in: "今年有7部港片获得金马影展提名。") == "港片")
    }

    @Test func aChangeBeforeAGoalIsOfTheQuantityBeforeIt() throws {
        #expect(try subject(of: "7.5%左右", in: "中国有条件实现今年经济增长7.5%左右的目标。") == "经济")
        #expect(try subject(of: "30%", in: "新材料为企业降低了30%的生产成本。") == "生产成本")
    }

    @Test func aVerbFarFromTheHeadIsThePredicate() throws {
        #expect(try subject(of: "5089亿元", in: "今年1—9月份，全国铁路完成固定资产投资5089亿元。") == "固定资产投资")
        // Near the head a verb modifies it.
        #expect(try subject(of: "18例", in: "其中境外输入病例18例。") == "境外输入病例")
    }

    @Test func aPeriodComparedWithIsSkipped() throws {
        #expect(try subject(of: "9.2个百分点", in: "其中，信息服务收入增速较前4个月回升9.2个百分点。") == "信息服务收入增速")
        #expect(try subject(of: "80.1%", in: "中央企业资产总额达到50.5万亿元，比五年前增长80.1%。") == "中央企业资产总额")
    }

    @Test func changeTakesTheQuantityThatChanges() throws {
        #expect(try subject(of: "12.5%", in: "全市道路交通事故同比下降12.5%。") == "道路交通事故")
    }

    @Test func rankSkipsItsScope() throws {
        #expect(try subject(of: "第一", in: "该市空气质量连续两年全省第一。")?.hasSuffix("空气质量") == true)
    }

    // MARK: After the number

    @Test func nounAfterNumberAndClassifier() throws {
        #expect(try subject(of: "58个", in: "全市新建了58个“便民驿站”，方便群众办事。") == "便民驿站")
        #expect(try subject(of: "12名", in: "警方抓获12名犯罪嫌疑人。") == "犯罪嫌疑人")
    }

    @Test func aOneCharacterPlaceAfterAGeneralClassifier() throws {
        #expect(try subject(of: "5个", in: "全市5个县已全部脱贫。") == "县")
        #expect(try subject(of: "31个", in: "31个省（自治区、直辖市）报告新增确诊病例。") == "省")
        // A classifier that is a place itself, or that counts people: the next character is no noun.
        #expect(try subject(of: "三省", in: "主要分布在湖北、河南、宁夏三省区。") != "区")
        #expect(try subject(of: "三人", in: "陈振哲、郑仲恒、文念志三人站在前方。") != "站")
    }

    @Test func aScopeBeforeANounModifiesIt() throws {
        #expect(try subject(of: "3个", in: "总理本月访问了3个欧洲国家。") == "欧洲国家")
        #expect(try subject(of: "8位", in: "8位全国政协委员走上委员通道。") == "全国政协委员")
    }

    @Test func organisationAfterANounIsANoun() throws {
        #expect(try subject(of: "35个", in: "有13个部门主管的35个社会组织和61个协会。") == "社会组织")
        #expect(try subject(of: "一万名", in: "四川省每年组织一万名学生参加培训。") != "组织")
    }

    @Test func aClassifierCountsRecordsAsThings() throws {
        #expect(try subject(of: "3项", in: "他包揽全部3枚金牌，并创造3项世界纪录。") == "世界纪录")
        // Other levels stay out (`7000例左右高位`).
        #expect(try subject(of: "7000例左右", in: "韩国单日新增确诊病例保持在7000例左右高位。") != "高位")
    }

    @Test func toVaryingDegreesIsAnAdverb() throws {
        #expect(try subject(of: "16个", in: "暴雨导致16个乡镇不同程度受灾。") == "乡镇")
        #expect(try subject(of: "22人", in: "事故造成7人死亡，22人不同程度受伤。") == "受伤")
        // A negated verb is not what the people did.
        #expect(try subject(of: "20户", in: "全村141户贫困户中目前只剩下20户尚未脱贫。") != "脱贫")
    }

    @Test func nounAfterDe() throws {
        #expect(try subject(of: "15%", in: "公司持有该银行15%的股份。") == "股份")
    }

    @Test func twoVerbsAfterTheNounAfterDeAreWhatItDoes() throws {
        #expect(try subject(of: "18%", in: "过火面积超过1565平方公里，目前仅有18%的火势得到控制。") == "火势")
        // One verb may be the head after 的, and a verb before a noun goes on.
        #expect(try subject(of: "12年", in: "经过上千名施工人员12年的艰苦奋战，大桥建成。") == "艰苦奋战")
    }

    @Test func anApproxAfterAVerbBoundsItsObjectAfterDe() throws {
        #expect(try subject(of: "超过三个月", in: "从即日起解除已实施超过三个月的全国紧急状态。") == "全国紧急状态")
        #expect(try subject(of: "超过10亿美元", in: "美国将向乌克兰提供超过10亿美元的额外支持。") == "额外支持")
        // Without a verb before it the approx word predicates the noun before it.
        #expect(try subject(of: "超过10小时", in: "总时长超过10小时的节目收视很高。") == "总时长")
    }

    @Test func aVerbEndingTheClauseAfterPeopleAfterDeIsWhatTheyDid() throws {
        #expect(try subject(of: "约35%", in: "研究估计，约35%的美国人感染，远超官方数字。") == "美国人")
        #expect(try subject(of: "三年以上", in: "应当由持驾驶证三年以上的驾驶人陪同。") == "驾驶人")
        // After other nouns such a verb is as often the head (承诺, 支出).
        #expect(try subject(of: "近50万元", in: "一台切割机省去近50万元的人工支出。") == "人工支出")
    }

    @Test func aCausativeVerbAfterTheNounAfterDeIsItsPredicate() throws {
        #expect(try subject(of: "30多个小时", in: "持续30多个小时的降雨导致城区积水严重。") == "降雨")
        #expect(try subject(of: "2000多元", in: "每天2000多元的营业额让店主很满意。") == "营业额")
        // 令 ending a noun is no verb.
        #expect(try subject(of: "3个月", in: "他颁布为期3个月的特赦令，对放下武器者免罪。") == "特赦令")
    }

    @Test func aFigureTakenUpBy这一IsWhatTheEarlierClaimCounted() throws {
        #expect(try subject(of: "约25万人", in: "1988年接待的游客人数不足10万，1996年这一数字上升到约25万人。") == "游客人数")
        #expect(try subject(of: "15.2%", in: "匈牙利老年人口占比为9.7%，而在波兰，这一比例高达15.2%。") == "匈牙利老年人口")
        // A verb names no figure to take up; nothing earlier, the noun stays.
        #expect(try subject(of: "3倍", in: "今年有200多人丧生，这一数字约为去年的3倍。") == "数字")
        #expect(try subject(of: "超过50%", in: "目前这一比例已经超过50%。") == "比例")
    }

    @Test func aLevelAfterDeIsNotTheSubject() throws {
        #expect(try subject(of: "96.2%", in: "全区居民满意度达到96.2%的历史最高水平。") == "居民满意度")
    }

    @Test func peopleCountedByABareNumberEndAtTheirNoun() throws {
        #expect(try subject(of: "超过60万", in: "恶劣天气导致超过60万用户断电。") == "用户")
        #expect(try subject(of: "30多万", in: "今年已有30多万难民和非法移民横渡地中海。") == "难民和非法移民")
        // Not before a one-character noun that makes a word with it.
        #expect(try subject(of: "逾百萬", in: "四個家庭已花了逾百萬律師費。") == "律師費")
    }

    @Test func countOfPeopleFollowedByWhatHappened() throws {
        #expect(try subject(of: "3人", in: "事故造成3人受伤。") == "受伤")
    }

    @Test func aVerbWithADirectionalComplementEndsThePhrase() throws {
        // One verb character and its complement, as ICU leaves them or joins them.
        #expect(try subject(of: "2000多份", in: "2000多份材料发下去又收上来。") == "材料")
        #expect(try subject(of: "3万余元", in: "他想把借出的3万余元货款拿回来。") == "货款")
        #expect(try subject(of: "800多封", in: "一天就有800多封信件涌进来。") == "信件")
        // One character right after a number is what it counts, not a verb.
        #expect(try subject(of: "两把", in: "他拿了两把伞出来。") != "伞出来")
    }

    @Test func aSumTakenTogetherBridges() throws {
        #expect(try subject(of: "5000多元", in: "三个人的工资加起来有5000多元。") == "工资")
        #expect(try subject(of: "超过12亿元", in: "两家公司的营收合起来超过12亿元。") == "营收")
    }

    @Test func aValueAfterASlashSharesTheOneBeforeIt() throws {
        // A low and a high, not the next city's; the weather is cut off the city.
        let text = "北京多云转晴15℃/27℃天津小雨16℃/24℃"
        #expect(try subject(of: "27℃", in: text) == "北京")
        #expect(try subject(of: "16℃", in: text) == "天津")
        #expect(try subject(of: "200元", in: "门票100元/200元不等") == "门票")
        // A place whose name ends in a weather word keeps it.
        #expect(try subject(of: "12℃", in: "江阴12℃/20℃") == "江阴")
    }

    @Test func aShareOfAWholeNamedWithAPronoun() throws {
        #expect(try subject(of: "52.9%", in: "民营企业进出口占我国外贸总值的52.9%。") == "民营企业进出口")
        #expect(try subject(of: "60％", in: "国债总额不得超过其国民生产总值的60％。") == "国债总额")
        // A pronoun that owns the number is no whole (`将他的200多亩地`).
        #expect(try subject(of: "200多亩", in: "政府将他的200多亩地建成了农田。") != "政府")
        // A percent after a rate is the rate's value.
        #expect(try subject(of: "6.7%", in: "地价增幅达24.1%，远超过经济成长率的6.7%。") == "经济成长率")
    }

    @Test func modifiersJiebaTagsAsVerbsOpenANoun() throws {
        // 知名, 相关, 涉案 modify the noun after them, before 的 too.
        #expect(try subject(of: "超过1000个", in: "他们为超过1000个知名品牌提供服务。") == "知名品牌")
        #expect(try subject(of: "3000多万元", in: "警方破获案件，涉案金额3000多万元。") == "涉案金额")
        #expect(try subject(of: "100多个", in: "各部门出台了100多个相关的政策文件。") == "政策文件")
        // Modal adverbs are not part of the noun (`金額不會少於`).
        #expect(try subject(of: "不會少於20萬英鎊", in: "項目總額不會少於20萬英鎊。") == "項目總額")
    }

    @Test func whatIsGivenToSomeoneIsTheNoun() throws {
        // After 向/对/给/为 the verb's object is the subject, not the recipient and the verb.
        #expect(try subject(of: "100多份", in: "平均每月向关联企业分发订单100多份。") == "订单")
        #expect(try subject(of: "1.01亿本", in: "全省共向农民发放林权证1.01亿本。") == "林权证")
        // After 把 the object is what the number measures (`把|种植面积|扩大到`).
        #expect(try subject(of: "1000亩", in: "村里把石斛种植面积扩大到1000亩。") == "石斛种植面积")
        // An anniversary is the whole event's.
        #expect(try subject(of: "20周年", in: "热烈庆祝香港回归祖国20周年。") == "香港回归祖国")
    }

    @Test func aVerbBeforeANounOfWhatItTakesIsPartOfIt() throws {
        #expect(try subject(of: "3小时", in: "合肥到北京的运行时间缩短到3小时。") == "运行时间")
        #expect(try subject(of: "超过4000公里", in: "这次的飞行距离超过4000公里。") == "飞行距离")
    }

    @Test func fromTodayIsATimeWord() throws {
        // ICU's 从今天开始 is no noun: the subject is what lasts.
        #expect(try subject(of: "3天", in: "活动从今天起持续3天。") == "活动")
    }

    @Test func yearOnYearInHongKongWriting() throws {
        #expect(try subject(of: "2.2%", in: "二手住宅銷售價格按年上漲2.2%。") == "二手住宅銷售價格")
    }

    @Test func aPricePerUnitIsOfWhatIsPriced() throws {
        // 一 and a classifier after a price say what it is per, not what it buys.
        #expect(try subject(of: "1.8元", in: "往年青稞都是1.8元一斤，今年涨了。") == "青稞")
        #expect(try subject(of: "290元", in: "谁负担得起290元一盒的口罩？") == "口罩")
        #expect(try subject(of: "50元", in: "这里卖50元一杯咖啡。") == "咖啡")
    }

    @Test func aWordDescribingTheNounBeforeDe() throws {
        #expect(try subject(of: "数百吨", in: "美国数百吨所谓的救援物资正在运抵。") == "救援物资")
        #expect(try subject(of: "3个月", in: "这为企业争取了3个月宝贵的窗口期。") == "窗口期")
    }

    @Test func aVerbOfReachingALevelBridges() throws {
        // `迈上…新台阶`: the level is not what the number measures; what reached it is.
        #expect(try subject(of: "5000亿元", in: "全市工业产值首次迈上5000亿元新台阶。") == "工业产值")
        #expect(try subject(of: "三万元", in: "农民人均收入跨越三万元台阶。") == "农民人均收入")
        // Steps counted are things (`爬了300多级台阶`).
        #expect(try subject(of: "300多级", in: "他每天要爬300多级台阶。") == "台阶")
    }

    @Test func aPredicateAfterDeEndsThePhrase() throws {
        // A verb with an aspect particle, or one whose object is an action.
        #expect(try subject(of: "85%", in: "全省85%的湿地得到了有效保护。") == "湿地")
        #expect(try subject(of: "约60%", in: "约60%的商户受到停电影响。") == "商户")
        #expect(try subject(of: "3000亩", in: "这片3000亩的果园遭到冰雹袭击。") == "果园")
        // A verb that is the noun's head stays (`的现金支出`).
        #expect(try subject(of: "40%", in: "企业40%的现金支出大幅增加。") == "现金支出")
    }

    // MARK: Lists and shared subjects

    @Test func respectivelyPairsListedSubjectsInOrder() throws {
        let text = "调查显示，“企业满意度”“群众满意度”分别达到92.1%、94.3%。"
        #expect(try subject(of: "92.1%", in: text) == "企业满意度")
        #expect(try subject(of: "94.3%", in: text) == "群众满意度")
    }

    @Test func respectivelyWithOneSubjectSharesIt() throws {
        let text = "两家银行的不良贷款率分别为1.2%和1.5%。"
        #expect(try subject(of: "1.2%", in: text) == "不良贷款率")
        #expect(try subject(of: "1.5%", in: text) == "不良贷款率")
    }

    @Test func aClauseThatNamesNothingKeepsTheSubject() throws {
        let text = "全省外贸出口额为1200亿元，同比增长8.5%。"
        #expect(try subject(of: "1200亿元", in: text) == "外贸出口额")
        #expect(try subject(of: "8.5%", in: text) == "外贸出口额")
    }

    @Test func listedItemsEachNameTheirOwn() throws {
        let text = "专项行动中立案56宗、破案48宗。"
        #expect(try subject(of: "56宗", in: text)?.hasSuffix("立案") == true)
        #expect(try subject(of: "48宗", in: text) == "破案")
    }

    // MARK: Brackets, shares, originals

    @Test func anAgeBefore时IsWhenThePersonBeforeItDidSomething() throws {
        #expect(try subject(of: "18歲", in: "阿禮18歲時愛上搖滾音樂。") == "阿禮")
        #expect(try subject(of: "45岁", in: "莫雷诺45岁时因遇袭致残。") == "莫雷诺")
    }

    @Test func aVerbWithAComplementICUJoinedIsAVerb() throws {
        #expect(try subject(of: "1000多个", in: "1000多个乡镇建立起土地流转服务中心。") == "乡镇")
    }

    @Test func aCopulaOrAVerbOfInclusionBeforeTheNumberIsNoPartOfTheSubject() throws {
        #expect(try subject(of: "1540亿美元", in: "阿里巴巴可能将IPO估值定为1540亿美元。") == "IPO估值")
        #expect(try subject(of: "28个", in: "改革后，国务院组成部门变为28个。") == "国务院组成部门")
        #expect(try subject(of: "20.5%左右", in: "他估计真正的失业率应为20.5%左右。")?.hasSuffix("失业率") == true)
        #expect(try subject(of: "5公里", in: "比赛项目包括5公里和10公里滑雪。") == "比赛项目")
        #expect(try subject(of: "4个", in: "廉福章的4个子女全都是普通的农民。") == "子女")
    }

    @Test func anAdverbBetweenANounAndItsVerbEndsTheNoun() throws {
        #expect(try subject(of: "三方面", in: "造成近期美股大跌的因素主要包括三方面。") == "因素")
        #expect(try subject(of: "两座", in: "两座风洞主要用于高速飞行器试验。") == "风洞")
        #expect(try subject(of: "33个", in: "近期又有33个外资项目集体签约。") == "外资项目")
        // After a number they modify or are the noun.
        #expect(try subject(of: "5个", in: "今年有5个主要城市实施限购。") == "主要城市")
        #expect(try subject(of: "92个", in: "已有92个集体获得表彰。") == "集体")
    }

    @Test func anEventCountedByItsVerbAlone() throws {
        #expect(try subject(of: "22次", in: "在库尔斯克地区，乌军击退俄军22次进攻。") == "进攻")
        #expect(try subject(of: "24次", in: "联军当天共发动了24次空袭。") == "空袭")
    }

    @Test func verbsOfArrivingAndOpeningEndTheNounBeforeThem() throws {
        #expect(try subject(of: "约20家", in: "产业园建成后，将有约20家光子传感企业入驻。") == "光子传感企业")
        #expect(try subject(of: "76家", in: "平均每个工作日就有76家企业开业。") == "企业")
    }

    @Test func nounsTheTokenizerWouldCutAtAFunctionCharacterOrAVerb() throws {
        // 可 alone bridges (可达); 可支配收入 is one noun.
        #expect(try subject(of: "突破2万元", in: "全省农民人均可支配收入突破2万元。")?.hasSuffix("可支配收入") == true)
        // 知识 is a noun (jieba tags it a verb).
        #expect(try subject(of: "6565.9亿元", in: "其中，知识密集型服务出口6565.9亿元。") == "知识密集型服务出口")
        // 要 is a modal, 剩下 a bridge, 余下 no noun.
        #expect(try subject(of: "340元左右", in: "全国人均筹资标准要达到340元左右。") == "人均筹资标准")
        #expect(try subject(of: "约20人", in: "媒体大幅裁员，70名员工剩下约20人。") == "员工")
        #expect(try subject(of: "11宗", in: "餘下11宗仍在調查中。") == nil)
    }

    @Test func passiveVerbsICUCutAfter被OpenANounForPeople() throws {
        #expect(try subject(of: "12名", in: "救援人员及时将12名被困群众救出。") == "被困群众")
        #expect(try subject(of: "11名", in: "金矿事故已有11名被困矿工成功获救。") == "被困矿工")
    }

    @Test func whatChangedSinceAnEarlierTimeIsNamedBefore比() throws {
        #expect(try subject(of: "0.4个百分点", in: "非化石能源消费同比增长3.9%，增速比上年全年加快0.4个百分点。") == "增速")
        #expect(try subject(of: "1386万人", in: "年末农村贫困人口1660万人，比上年末减少1386万人。") == "农村贫困人口")
        #expect(try subject(of: "29万公里", in: "公路总里程达到549万公里，比“十三五”末增加29万公里。") == "公路总里程")
        #expect(try subject(of: "43种", in: "长江流域监测到鱼类351种，比禁渔前增加43种。") == "鱼类")
    }

    @Test func newlyAddedIsABridgeNotTheSubject() throws {
        #expect(try subject(of: "211298例", in: "过去24小时，印度新增确诊病例211298例。") == "确诊病例")
        #expect(try subject(of: "1206万人", in: "2022年，全国城镇新增就业1206万人。") == "城镇新增就业")
        #expect(try subject(of: "8930亿元", in: "今年1至5月，全国累计新增减税降费8930亿元。") == "减税降费")
        // 不等 ends a range; what ranges is named before it.
        #expect(try subject(of: "几百元", in: "帮人勘井的报酬每次在100元到几百元不等。") == "报酬")
    }

    @Test func sentencesAndTimeFramesOfCourtAndNewsReports() throws {
        #expect(try subject(of: "8年", in: "法院依法判处被告有期徒刑8年。")?.hasSuffix("有期徒刑") == true)
        #expect(try subject(of: "五年", in: "对童名谦以玩忽职守罪判处有期徒刑五年。") == "有期徒刑")
        #expect(try subject(of: "16年", in: "这是中国队时隔16年再度夺得冠军。") == nil)
        #expect(try subject(of: "一天", in: "经常一天下来，衣服都湿透了。") == nil)
    }

    @Test func aWordDescribingTheNounAfter的() throws {
        #expect(try subject(of: "95岁", in: "如今，95岁高龄的余新元每天坚持锻炼。") == "余新元")
        #expect(try subject(of: "两种", in: "他在青少年时期出现两种不同的肿瘤。") == "肿瘤")
        #expect(try subject(of: "6.4%", in: "农村居民人均可支配收入达到11622元，实际增长6.4%。") == "农村居民人均可支配收入")
    }

    @Test func anAgeAtDeathIsThePersonsTheClauseBeforeNames() throws {
        #expect(try subject(of: "76岁", in: "霍金于3月14日去世，享年76岁。") == "霍金")
        #expect(try subject(of: "85岁", in: "周铁农同志因病于1月3日在北京逝世，享年85岁。") == "周铁农同志")
        // 现年 bridges like 时年; 遭 ends a noun like 被.
        #expect(try subject(of: "60岁", in: "卡特现年60岁，是国家安全领域的专家。") == "卡特")
        #expect(try subject(of: "87个", in: "湖北有87个乡镇遭暴雨袭击。") == "乡镇")
    }

    @Test func aValueAtATimeNamesNoShare() throws {
        // `…的N` after a time word is that time's value, like after a date.
        #expect(try subject(of: "1.27%", in: "贫困发生率由2014年的11.8%降至今年的1.27%。") == "贫困发生率")
        #expect(try subject(of: "4.39%", in: "贫困发生率从2012年底的10.2%下降至2018年底的4.39%。") == "贫困发生率")
    }

    @Test func aNameInBracketsStandsForTheNounBeforeIt() throws {
        #expect(try subject(of: "0.1%", in: "9月份，居民消费价格指数（CPI）环比上涨0.1%。") == "居民消费价格指数")
        #expect(try subject(of: "4.88%", in: "招行(03968)下跌4.88%。") == "招行")
        // 增长了: a change after 了 still continues the clause before.
        #expect(try subject(of: "12.5%", in: "全市工业用电量稳步回升，同比增长了12.5%。") == "工业用电量")
    }

    @Test func theAgeOfDoingSomethingIsTheAge() throws {
        #expect(try subject(of: "60岁", in: "领取养老金的年龄应为60岁。") == "年龄")
        #expect(try subject(of: "33岁", in: "中关村189万从业人员的平均年龄只有33岁。")?.hasSuffix("人员") == true)
    }

    @Test func ageInBracketsBelongsToThePersonBefore() throws {
        #expect(try subject(of: "32岁", in: "民警当场抓获嫌疑人李某(男,32岁,本地人)。")?.hasSuffix("李某") == true)
    }

    @Test func aShareIsOfTheWholeItIsTakenFrom() throws {
        #expect(try subject(of: "35%", in: "高新技术产业产值占全省工业总产值的35%。") == "高新技术产业产值")
    }

    @Test func averagesAndExtremesArePartOfTheNoun() throws {
        #expect(try subject(of: "8万元", in: "全市职工平均工资达到8万元。") == "职工平均工资")
        #expect(try subject(of: "46摄氏度", in: "菲尼克斯市11日最高气温达到46摄氏度。")?.hasSuffix("最高气温") == true)
        // Between the noun and the number they still bridge.
        #expect(try subject(of: "5%", in: "全市职工工资平均增长5%。") == "职工工资")
    }

    @Test func aModifierBetweenANounAndAVerbIsAnAdverb() throws {
        #expect(try subject(of: "5万多亩", in: "今年，5万多亩辣椒全面丰收。") == "辣椒")
        #expect(try subject(of: "152个", in: "依靠设施农业，让152个贫困村成功脱贫。") == "贫困村")
    }

    @Test func peopleNamedBeforeTheirCountAndWhatTheyDidAfter() throws {
        #expect(try subject(of: "约50人", in: "射击、跆拳道项目的运动员约50人飞抵东京。") == "运动员")
        // A noun for people after the count is still theirs.
        #expect(try subject(of: "400余名", in: "上合组织国家领导人、官员等400余名嘉宾出席。") == "嘉宾")
    }

    @Test func anAgeAfterACountOfPeopleIsTheirs() throws {
        #expect(try subject(of: "15岁至18岁", in: "据报，这伙“黑客”有6人，年龄在15岁至18岁之间。") == "黑客")
        #expect(try subject(of: "16.9岁", in: "代表团由119人组成，其中运动员82人，平均年龄16.9岁。") == "运动员")
    }

    @Test func theTimeSomeoneSpentDoingSomething() throws {
        #expect(try subject(of: "22日", in: "正值農曆年廿九，她留院的22日，一家人每日都在醫院陪伴她。") == "留院")
        #expect(try subject(of: "5到7年", in: "我一般的回答是5到7年。") != "一般")
        // 的 at the start of the window or right after a pronoun leaves nothing to read.
        #expect(try subject(of: "三年", in: "的三年") == nil)
        #expect(try subject(of: "三年", in: "他的三年") == nil)
    }

    @Test func degreesOfACoordinateAreTheMeridiansOrParallels() throws {
        #expect(try subject(of: "１２５度", in: "卫星定点于东经１２５度赤道上空。") == "东经")
        #expect(try subject(of: "30．5度", in: "震中位于北纬30．5度，东经89．5度。") == "北纬")
    }

    @Test func aPlaceNamedWithItsOwnerIsStillAPlace() throws {
        #expect(try subject(of: "4", in: "切尔西二队在赫尔城的金斯顿kc球场4比0轻松获胜。") == "切尔西二队")
        // A quantity after 的 is no place.
        #expect(try subject(of: "二十亿元", in: "合肥市在这方面的交易额一年最高只有二十亿元。")?.hasSuffix("交易额") == true)
    }

    @Test func anApproxWordAfterAVerbWith了BoundsItsObject() throws {
        #expect(try subject(of: "超过30亿美元", in: "美国已向乌克兰提供了超过30亿美元的各类军事物资。") == "军事物资")
    }

    @Test func timeSpentIsSpentOnWhatFollows() throws {
        #expect(try subject(of: "約6個半鐘", in: "郭表示再作修訂後就結束會議，全日花了約6個半鐘開會。") == "開會")
        // The verb of spending or needing names nothing itself.
        #expect(try subject(of: "43分钟", in: "从列车门打开到转运车离开，一共只花了43分钟。") == nil)
        // A sum keeps its verb, as 捐赠 does.
        #expect(try subject(of: "215.7亿元", in: "公司增持万科股份，共计耗资215.7亿元。") != nil)
    }

    @Test func aClassifierAfterADemonstrativeIsNoPartOfTheNoun() throws {
        #expect(try subject(of: "超过200亿元", in: "这批项目总投资超过200亿元。") == "项目总投资")
        #expect(try subject(of: "21萬元", in: "財物損失最多的一宗涉款高達21萬元。") == "涉款")
        // ICU leaves 这|艘 and 此|款 apart: the classifier joins the demonstrative.
        #expect(try subject(of: "约20.06吨", in: "这艘飞船重约20.06吨。") == "飞船")
        #expect(try subject(of: "3000元", in: "此款手机售价3000元。")?.hasPrefix("手机") == true)
        // Other numerals are most often part of a name.
        #expect(try subject(of: "24521起", in: "全国共查处违反八项规定精神问题24521起。")?.contains("八项规定") == true)
    }

    @Test func verbsOfChangeWith到BridgeLike至() throws {
        #expect(try subject(of: "2.7%", in: "全省贫困发生率则从11.5%降到2.7%。") == "贫困发生率")
        // So do the verbs of crossing a level: what crossed it is named before them.
        #expect(try subject(of: "22000点", in: "8月2日道指再创收盘新高，站上22000点大关。") == "道指")
        #expect(try subject(of: "64", in: "美油重挫3%失守64关口") == "美油")
        #expect(try subject(of: "48条", in: "新版外商投资负面清单缩减至48条。") == "新版外商投资负面清单")
    }

    @Test func whatHappenedToEachCountOfPeople() throws {
        let text = "枪击案造成2人死亡4人受伤，另有159人死亡失踪。"
        #expect(try subject(of: "2人", in: text) == "死亡")
        #expect(try subject(of: "4人", in: text) == "受伤")
        #expect(try subject(of: "159人", in: text) == "死亡失踪")
        // People after 对 are the verb's object.
        #expect(try subject(of: "三人", in: "很多人均對三人表達支持。") != "表達支持")
    }

    @Test func aCurrencyWordBeforeAnAmountIsItsUnit() throws {
        // ICU cuts 人民|币: the word is found across tokens, and the noun before it is read.
        #expect(try subject(of: "25.3亿元", in: "在售项目的合同销售金额仅为人民币25.3亿元。") == "合同销售金额")
        #expect(try subject(of: "６９万余元", in: "销售盗版光盘１３万余片，违法所得人民币６９万余元。") == "违法所得")
        // A converted amount (约合, 折合) is of what the amount before it measured.
        #expect(try subject(of: "67.11亿元", in: "欧洲工厂总投资约10亿美元，约合人民币67.11亿元。")?.hasSuffix("总投资") == true)
    }

    @Test func subjectIsOriginalTraditionalText() throws {
        #expect(try subject(of: "12宗", in: "衛生署昨日公布新增確診個案12宗。") == "確診個案")
    }

    // MARK: No subject

    @Test func datesHaveNone() throws {
        for c in try subjects("2021年3月5日，会议在北京举行。") { #expect(c.subject == nil) }
    }

    @Test func timeFrameDurationsHaveNone() throws {
        #expect(try subject(of: "三年", in: "三年来，全市新增就业岗位12万个。") == nil)
        #expect(try subject(of: "两天", in: "未来两天，本市将有大到暴雨。") == nil)
        #expect(try subject(of: "10天", in: "有关部门须在10天内作出答复。") == nil)
    }

    @Test func everySubjectIsASubstringOfItsSentence() throws {
        let text = "据统计，该省去年共接待境内外游客5.6亿人次，实现旅游总收入6800亿元，分别增长9.1%和11.2%。"
        for c in try subjects(text) {
            if let s = c.subject { #expect(text.contains(s)) }
        }
    }

    @Test func verbsOfAimingAreAdverbs() throws {
        // 力争, 争取, 确保 say what is aimed at, not what is measured.
        #expect(try subject(of: "23000亿元", in: "山东现代海洋产业增加值力争达到23000亿元。") == "山东现代海洋产业增加值")
        #expect(try subject(of: "突破3000亿元", in: "今年出口额争取突破3000亿元。") == "出口额")
        #expect(try subject(of: "6%", in: "工业增加值确保增长6%。") == "工业增加值")
    }

    @Test func 前AfterACountOfPeopleIsFormer() throws {
        #expect(try subject(of: "两名", in: "有两名前官员被捕。") == "前官员")
        #expect(try subject(of: "兩名", in: "據悉，兩名前傳媒人謝志峰及李家文將會擔任主持。") == "前傳媒人")
        #expect(try subject(of: "两名", in: "两名前国家队队员出席。") == "前国家队队员")
        // Without a noun for people after it, nothing is made up.
        #expect(try subject(of: "六名", in: "《蘋果日報》與六名前高層被控串謀。") == nil)
    }

    @Test func verbsOfCoincidingEndAnAnniversarysEvent() throws {
        #expect(try subject(of: "45周年", in: "今年正值中西建交45周年。") == "中西建交")
        #expect(try subject(of: "45周年", in: "今年适逢中日邦交正常化45周年。") == "中日邦交正常化")
    }

    @Test func theManOf人均IsNotICUs() throws {
        // ICU reads 中国人|均|寿命 and 村人|均|收入.
        #expect(try subject(of: "80岁", in: "中国人均寿命达到80岁。") == "中国人均寿命")
        #expect(try subject(of: "14000多元", in: "去年，小庙子村人均年收入14000多元。") == "小庙子村人均年收入")
        // People counted or named before 均 keep it as "all" (`6名證人均來自`).
        #expect(try subject(of: "6名", in: "控方6名證人均來自屋宇署。") == "證人")
    }

    @Test func departmentsCountThemselves() throws {
        // 部门 and 部委 name what they count, whatever follows: a verb, a document, other people.
        #expect(try subject(of: "十部门", in: "十部门印发通知。") == "部门")
        #expect(try subject(of: "3部門", in: "中國3部門指事件極其惡劣。") == "部門")
        #expect(try subject(of: "三部委", in: "三部委发布的食品价格监测均表明。") == "部委")
        // A list closed by 等 names them.
        #expect(try subject(of: "八部门", in: "发改委等八部门联合印发通知。") == "发改委")
    }

    @Test func aNounForPeopleAfterAVerbInsideTheNoun() throws {
        // ICU's 反恐 is a verb; the people counted are named after it.
        #expect(try subject(of: "兩名", in: "控方傳召兩名現任反恐特勤隊警員上庭作供。") == "現任反恐特勤隊警員")
        // Not when people are named before the verb: then it is what they did.
        #expect(try subject(of: "12名", in: "已邀請合共12名學者組成專家小組。") == "學者")
        #expect(try subject(of: "约10名", in: "约10名武装分子伪装成安全人员。") == "武装分子")
    }

    @Test func aNumeralAndClassifierThatIsNoClaimEndsANoun() throws {
        // The indefinite 一个 is no claim, but no noun either.
        #expect(try subject(of: "超过660平方公里", in: "其中最大的一起林火过火面积超过660平方公里。") == "林火过火面积")
        #expect(try subject(of: "10元钱", in: "加上各种补贴，一次透析费用个人仅承担10元钱。")?.hasPrefix("一") == false)
        // Not inside a longer numeral ICU cut (第十|五届).
        #expect(try subject(of: "51人", in: "选举产生了由51人组成的第十五届中央常务委员会。") != "第十")
    }

    @Test func aTenorIsPartOfTheNoun() throws {
        // 10 in 10年期 names the bond, it is no stray number that cuts the noun.
        #expect(try subject(of: "1.49个基点", in: "10年期国债收益率下降1.49个基点。") == "10年期国债收益率")
        #expect(try subject(of: "3.65%", in: "1年期贷款市场报价利率为3.65%。") == "1年期贷款市场报价利率")
        #expect(try subject(of: "1%", in: "LME三个月期铜收高1%。") == "LME三个月期铜")
    }

    @Test func capacityAndEnergyUseAreNouns() throws {
        // jieba tags 产能 as a verb; in news it is production capacity.
        #expect(try subject(of: "2.5亿吨", in: "今年将化解2.5亿吨煤炭产能。") == "煤炭产能")
        #expect(try subject(of: "3家", in: "淘汰关停3家高耗能企业。") == "高耗能企业")
    }

    @Test func wordsOpenedByAFunctionCharacterOrAScope() throws {
        // 自 is no preposition in 自贸试验区, 全区 no scope in 全区性.
        #expect(try subject(of: "21个", in: "全国21个自贸试验区实际使用外资2130亿元。") == "自贸试验区")
        #expect(try subject(of: "30%以上", in: "全区性会议同比减少30%以上。") == "全区性会议")
    }

    @Test func whereTheyComeFromDescribesTheNounAfterDe() throws {
        #expect(try subject(of: "近200名", in: "今天上午，近200名来自日本全国各地的民众在南京参加活动。") == "民众")
        #expect(try subject(of: "40余个", in: "已经有40余个来自“一带一路”沿线国家的企业与机构入驻。") == "企业与机构")
        // No 的: where they come from is what the sentence says of them.
        #expect(try subject(of: "500人", in: "其中500人來自九龍東聯網。") != "九龍東聯網")
    }

    @Test func aVerbOfAmountBeforeTheNumberIsLikeABridge() throws {
        #expect(try subject(of: "700万欧元", in: "动物园为大熊猫搭建的熊猫馆耗资700万欧元。") == "熊猫馆")
        #expect(try subject(of: "1134.2亿元", in: "7月份，邮政行业业务收入完成1134.2亿元。") == "业务收入")
        #expect(try subject(of: "8—10℃", in: "湖南、安徽等地有大雨，部分地区降温8—10℃。") == "部分地区")
        // Inside a noun, or after a word of its own, it stays (`降温幅度`, `总耗资`).
        #expect(try subject(of: "8—12℃", in: "广西大部分地区气温骤降，降温幅度达到8—12℃。") == "降温幅度")
        #expect(try subject(of: "10亿美元", in: "总耗资达10亿美元的盖蒂中心终于开放。") == "总耗资")
    }

    // MARK: Cost

    @Test func sentencesWithOnlyDatesAndTimeFramesAreNotSegmented() throws {
        let text = "2020年以来，三年来，去年5月"
        let buffer = TextBuffer(Document(id: "t", text: text))
        let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
        let claims = try extractor.extract(Document(id: "t", text: text)).claims
        let needs = claims.map { SubjectFinder.needsWords($0, buffer, sentence: 0..<buffer.scalars.count) }
        #expect(!claims.isEmpty)
        #expect(SubjectFinder.window(for: claims, needs: needs, sentence: 0..<buffer.scalars.count, buffer) == nil)
    }
}

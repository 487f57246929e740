/// The word classes the subject finder reads a sentence with.
///
/// ICU's word segmentation gives boundaries, not parts of speech, and its dictionary leaves many
/// news words as runs of single characters (查/处, 同/比, 组/建). The subject finder therefore
/// looks words up in this lexicon: a tagged dictionary's function words and verbs
/// (`SubjectLexiconData`, derived from jieba) overlaid with the hand-made lists below, which say
/// what a word does *next to a number* (bridge, scope, level noun, time frame) rather than its
/// part of speech. Everything not listed is content, i.e. may be part of a noun phrase.
enum WordClass: UInt8, Sendable {
    /// A noun, an adjective, a name, or a word the lexicon does not know.
    case content
    /// A verb that ends a noun phrase (查处, 组建, 依托).
    case verb
    /// A word that may stand between a subject and its number without ending the search for the
    /// subject: copulas and verbs of reaching, holding, changing or lasting (达, 为, 保持在, 下降,
    /// 历时), 同比/环比, 分别, dimension adjectives (高, 宽: `坝基宽90米`).
    case bridge
    /// Function words: they end a noun phrase; adverbs and time words may also bridge.
    case adverb, preposition, conjunction, particle, locality, pronoun, time, numeral
    /// A place or scope a rank is taken in (全国, 全省, 世界): `战绩全国第一` → 战绩.
    case scope
}

/// A lexicon key: up to 5 code points packed into two integers (21 bits each).
struct LexiconKey: Hashable, Sendable {
    var high: UInt64 = 0
    var low: UInt64 = 0
    /// No word: every real key has its length in `low`.
    static let empty = LexiconKey()
    private init() {}

    init?<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        guard (1...SubjectLexicon.maxWordLength).contains(scalars.count) else { return nil }
        for (i, s) in scalars.enumerated() {
            if i < 3 { high = high << 21 | UInt64(s.value) } else { low = low << 21 | UInt64(s.value) }
        }
        low |= UInt64(scalars.count) << 56
    }
}

/// Word → class, built once per process from the generated data and the lists below.
struct SubjectLexicon: Sendable {
    static let maxWordLength = 5
    static let shared = SubjectLexicon()

    private let table: LexiconTable<WordClass>
    /// Which first two characters some word of two or more characters starts with (hashed):
    /// the tokenizer tries every length at every position, and most tries miss. A probe of the
    /// 1 MB table missed the CPU cache each time; this 32 KB filter answers most of them.
    private let pairs: PairFilter
    /// One-character nouns that can be all a classifier counts (`5个县已全部脱贫`, `31个省（区、市）`):
    /// places and bodies; most other single characters after a classifier are the start of a
    /// word ICU cut, not a noun of their own.
    static let singleCharacterNouns: ScalarSet = "省市县区州国村镇乡岛港城湖河山桥站厂店校井"

    /// Verbs (by jieba's tags) that are nouns right after another noun (`35个社会组织`).
    static let nounsAfterNouns = ["组织"]

    /// Levels a classifier counts as things (`5项世界纪录`, `三个台阶`).
    static let countableLevels = ["纪录", "记录", "台阶"]

    /// Nouns that name a level rather than a quantity (`保持在95.7%的高位水平`): a number is not
    /// their subject, so `N的` + one of them does not name what N counts.
    private let levelNouns: LexiconTable<Bool>
    private let frameNouns: LexiconTable<Bool>

    /// The class of a folded word, nil when the lexicon does not know it.
    func lookup<C: Collection>(_ scalars: C) -> WordClass? where C.Element == Unicode.Scalar {
        if scalars.count >= 2 {
            var it = scalars.makeIterator()
            guard pairs.mayHold(it.next()!, it.next()!) else { return nil }
        }
        guard let key = LexiconKey(scalars) else { return nil }
        return table[key]
    }

    func isLevelNoun<C: Collection>(_ scalars: C) -> Bool where C.Element == Unicode.Scalar {
        guard let key = LexiconKey(scalars) else { return false }
        return levelNouns.contains(key)
    }

    func isFrameNoun<C: Collection>(_ scalars: C) -> Bool where C.Element == Unicode.Scalar {
        guard let key = LexiconKey(scalars) else { return false }
        return frameNouns.contains(key)
    }

    private init() {
        typealias Data = SubjectLexiconData
        // Generated lists first: the hand-made ones below override them.
        let lists: [(String, WordClass)] = [
            // Level and frame nouns first, as content words, so that longest match keeps them
            // whole (ICU cuts 新|低); any other list overrides them.
            (Self.levels, .content), (Self.frames, .content),
            (Data.noun, .content), (Data.pronoun, .pronoun), (Data.particle, .particle),
            (Data.conjunction, .conjunction), (Data.preposition, .preposition), (Data.adverb, .adverb),
            (Data.verb, .verb), (Self.content, .content), (Self.times, .time), (Self.quantifiers, .numeral),
            (Self.localities, .locality), (Self.singleParticles, .particle), (Self.singlePrepositions, .preposition),
            (Self.singleConjunctions, .conjunction), (Self.singleAdverbs, .adverb), (Self.singleVerbs, .verb),
            (Self.singlePronouns, .pronoun), (Self.pronouns, .pronoun), (Self.singleNumerals, .numeral), (Self.extraVerbs, .verb),
            (Self.extraAdverbs, .adverb), (Self.bridges, .bridge), (Self.scopes, .scope),
        ]
        let split = lists.map { list, cls in (list.split(whereSeparator: { $0 == " " || $0 == "\n" }), cls) }
        var table = LexiconTable<WordClass>(capacity: split.reduce(0) { $0 + $1.0.count })
        var pairs = PairFilter()
        for (words, cls) in split {
            for word in words {
                guard let key = LexiconKey(word.unicodeScalars) else { continue }
                table[key] = cls
                let u = Array(word.unicodeScalars)
                if u.count >= 2 { pairs.insert(u[0], u[1]) }
            }
        }
        self.table = table
        self.pairs = pairs
        levelNouns = Self.set(Self.levels)
        frameNouns = Self.set(Self.frames)
    }

    private static func set(_ list: String) -> LexiconTable<Bool> {
        let words = list.split(separator: " ").compactMap { LexiconKey($0.unicodeScalars) }
        var table = LexiconTable<Bool>(capacity: words.count)
        for w in words { table[w] = true }
        return table
    }

    // MARK: Hand-made lists (simplified forms: lookups use the folded text)

    /// Single characters that ICU often leaves alone and that are function words when alone.
    /// Single characters not listed here count as content (警/情, 网/格 stay part of a noun).
    static let singleParticles = "的 之 了 着 过 得 等 们 之多 之久 嘅 咗 哋 不等"
    static let singlePrepositions = "在 对 从 向 由 于 把 被 给 以 按 据 经 自 至 到 比 较 将 当 朝 往 离 替 随 喺 遭 因"
    static let singleConjunctions = "和 及 与 或 并 而 且 但 跟"
    static let singleAdverbs = "须 共 约 近 逾 已 均 仅 只 还 又 也 都 再 就 才 更 最 亦 皆 尚 曾 正 未 不 没 很 太 现 快 仍 便 即 却 竟 另 应 刚 才 要 唔 咁"
    static let singleVerbs = "是 有 获 称 说 使 让 令 致 给"
    static let singlePronouns = "其 该 此 这 那 各 每 我 你 他 她 它 本 哪 佢 呢 嗰"
    static let singleNumerals = "多 余 几 第 首 两 半"
    /// 今 + classifier is "this" (今届投票时间, 今个学年), not the time word 今.
    static let pronouns = "今个 今届 今次 今季 今期 今轮 今场 今回"

    /// Place and time relations (ICU's 前/后/内 and these): they end a noun phrase.
    static let localities = """
        前 后 内 里 间 外 来 上 下 旁 底 末 初 以来 以上 以下 以内 以外 之间 之内 之外 之后 之前 之中 之上 之下 \
        以后 以前 前后 左右 上下 期间 其间 当中 之际 前夕
        """

    /// Time words: adverbials that may stand between a subject and its number
    /// (`产值|比|去年|同期|增长|230%`).
    static let times = """
        今年 去年 明年 前年 当年 同年 次年 上年 本年 年初 年底 年末 年中 年内 上半年 下半年 今天 昨天 明天 当天 \
        当日 今日 昨日 目前 当前 现在 现时 如今 此前 近日 日前 近期 近年 近年来 最近 同期 去年同期 上年同期 盘中 \
        早盘 午后 尾盘 今早 今晨 昨晚 今晚 上午 下午 晚上 凌晨 中午 早上 届时 随后 此后 今后 未来 过去 当时 \
        月初 月底 月末 季度 一季度 二季度 三季度 四季度 上周 本周 下周 上月 本月 下月 周末 首日 首月 前三季度 \
        第一季度 第二季度 第三季度 第四季度 全天 全日 平日 平时 往年 历年 以往 如期 起初 最初 最终 最后 之后 \
        同日 翌日 次日 即日 当晚 当夜 接下来 早前 从今 从今天 从明天 从今年 从明年 从即日 从现在 今 昨 今明 今明两天 周一 周二 周三 周四 周五 周六 周日 周末 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 伊始
        """

    /// Quantifiers and demonstratives that are not claims: they end a noun phrase.
    static let quantifiers = """
        一些 许多 很多 众多 大量 少量 若干 多个 多名 多家 多次 多种 多年 多位 多项 大部分 一部分 \
        绝大部分 绝大多数 大多数 多数 少数 全部 所有 一切 其余 其他 其它 各种 各类 各项 各个 这些 那些 首次 \
        首批 首个 这个 那个 这种 那种 这一 那一 这位 这家 这次 该 每个 几个 个别 好几 不少 一大批 一批 余下
        """

    /// Words the generated lists lack or mark as nouns, that are verbs next to a number.
    static let extraVerbs = "查处 抓获 打掉 捣毁 破获 侦破 注销 核查 巡查 排查 组建 抽调 开通 建成 推出 推行 出台 设置 收取 缴纳 投放 监管 击落 拦截 发射 造成 导致 吸引 带动 覆盖 依托 涉及 拿下 挑选 组成 提供 接待 释放 安置 花了 花费 付出 开设 设立 新建 共建 支持 拨出 列出 吸纳 动员 展出 出具 打进 踢进 踢入 连进 连入 射进 罚进 轰进 轰入 入驻 落户 获救 入院 开业 亮相 停业 退市 参赛 晋级 出线 被困 被拘 被拐 被骗 被俘 被遣返 被隔离 被绑架 下去 上来 上去 过来 正值 恰逢 适逢 正逢 时值 欣逢 喜逢 时逢 选派 选调 选聘 招录 连涨 连跌 连升 连降 连增 连减 令人 让人 使人"
    static let extraAdverbs = "原本 原来 本来 一直 始终 终于 仍旧 依旧 一下子 正在 同时 此外 其中 目前 当前 如今 现在 已经 仍然 依然 总共 一共 一度 一举 先后 相继 陆续 分头 大约 大概 至少 最多 至多 起码 几乎 将近 接近 不同程度 程度不一 双双 很可能 全都 大都 大多 统统 相应 整整 因病 因故 因伤 因公 因灾 例如 比如 譬如 诸如 首次 首度 多次 足足 应该 应当 必须 不得 不能 不可 不会 无法 力争 争取 确保 力求 有望 预计"

    /// Words that stand between a subject and its number (see `WordClass.bridge`); 係 and 有
    /// cover Cantonese too.
    static let bridges = """
        係 冇 达 达到 达至 达了 到达 为 是 有 共有 拥有 还有 已有 计有 约为 均为 仅为 只有 \
        仅有 占 占到 占据 占比 增至 降至 升至 跌至 减至 增加到 减少到 提高到 提高至 提升到 \
        提升至 上升到 上升至 下降到 下降至 扩大到 缩小到 保持 保持在 维持 维持在 稳定在 控制在 \
        处于 处在 超 超过 超出 逾 突破 高达 多达 最高达 不足 不到 只得 仅得 低于 高于 少于 \
        多于 相当于 接近 增长 增加 上升 下降 减少 提高 提升 降低 回落 回升 上涨 下跌 上调 下调 \
        增 减 涨 跌 升 降 收窄 扩大 缩小 翻 翻了 飙升 暴跌 大跌 大涨 急跌 急升 重挫 急泻 \
        下挫 缩水 跌去 走低 走高 攀升 跳水 低开 高开 收涨 收跌 延长 加多 增收 减收 狂泻 狂跌 暴涨 狂涨 \
        急挫 飙涨 猛涨 上扬 反弹 下滑 滑落 下探 涨停 跌停 翻番 翻倍 跌破 涨破 升破 偏多 偏少 \
        偏高 偏低 实现 录得 报 报收 收报 收于 收 创 创下 累计 累积 共计 合计 总计 计 同比 \
        环比 相比 分别 均 都 历时 为期 长达 连续 持续 满 年满 已满 居 位居 位列 排名 排 排在 \
        列 名列 跻身 排行 只是 就是 仅是 还是 都是 也是 正是 即是 或 虽然 虽 尽管 则 宽 高 \
        长 深 厚 重 远 大约 左右 约 近 已 已经 将 预计 可 可达 可以 能 能够 会 将会 也 还 \
        又 再 仍 仍然 共 总共 一共 平均 年均 日均 最高 最低 最多 最少 只 仅 可能 或将 有望 \
        可望 等于 相等于 约等于 折合 约合 破 分为 分成 介乎 介于 年仅 年近 年逾 年届 年约 时年 享年 终年 现年 大增 大减 大降 \
        大升 暴增 激增 锐减 骤降 骤增 距今 \
        列为 化为 变为 合为 定为 实为 应为 成为 改为 沦为 转为 设为 视为 评为 降为 升为 增为 减为 即为 亦为 \
        皆为 多为 仍为 也为 都为 则为 包括 包含 涵盖 剩下 剩余 仅剩 只剩 \
        新增 加快 放缓 减缓 加速 放慢 趋缓 缩短 压缩 缩减 减轻 萎缩 继续 获得 斩获 夺得 赢得 \
        降到 升到 涨到 跌到 增到 减到 涨至 回落到 回落至 回升到 回升至 攀升至 攀升到 飙升至 下滑至 下滑到 \
        缩减至 缩减到 扩大至 上涨到 上涨至 下跌到 下跌至 增长到 增长至 减少至 降低到 降低至 \
        失守 站上 站稳 收复 跌穿 升穿 守住 冲破 击穿 重返 触及 下来 \
        远超 远超过 远高于 远低于 远远超过 远远高于 远远低于 大大超过 明显高于 明显低于 略高于 略低于 稍高于 稍低于 \
        按年 按月 按季 按周 按日 增产 减产 \
        迈上 迈过 迈入 迈进 跨上 跨过 跨越 跨入 登上 攀上 跃上 连跨 连上
        """

    /// Scopes a rank is taken in (`战绩全国第一`, `位居全国第12`).
    static let scopes = "全国 全省 全市 全区 全县 全港 全澳 全台 全球 全世界 世界 国内 省内 市内 区内 亚洲 欧洲 全美 全队 全年 同类 行业 业内 全行业 全网 全军"

    /// Content words the generated verb list would split off or mistag, or that start with a
    /// function character the tokenizer would cut off (也门), or that jieba tags as pronouns though
    /// they modify a noun like 当地 does (本地确诊个案), or nouns it tags as verbs or adverbs (选手, 处长; 首相, 大连, 积分, 立法).
    static let content = "转移支付 知名 相关 常住 留守 涉案 退役 少数民族 所谓 组合 警察 督察 导演 会计 出纳 向导 参谋 通道 展商 组别 快递 立法 首相 首都 大连 约旦 大自然 小偷 活佛 果实 比分 满分 积分 终点 据点 相机 随笔 相声 难度 进度 长处 难点 好处 差别 尽头 正门 高速 高新 首发 初衷 猛将 大将 真相 极点 反面 正面 长途 低速 偏远 选手 对手 帮手 杀手 好手 考生 处长 组长 排长 站长 连长 镇长 判官 追兵 本地 密切接触者 密接 也门 批次 要求 举措 提名 确诊 立案 发卡 出口 进口 收入 增速 上限 下限 死因 估值 总价 规模 成交额 成交量 净利润 亏损 市值 产值 营收 增长率 增幅 降幅 涨幅 跌幅 比重 比例 比率 占比率 全长 总长 总量 总数 人数 次数 户数 量 率 可支配收入 可支配 知识 产能 耗能 高耗能 给付 全国性 全省性 全市性 全区性 全县性 全港性 全球性 世界性 行业性 全军性 自贸区 自贸港 自贸试验区 自由贸易试验区 自贸协定 自由贸易协定 新增就业 有期徒刑 无期徒刑 减税降费 降费"

    /// Adverbs that are adjectives before a noun (特别措施, 共同利益, 临时措施, 紧急通知).
    static let adjectiveAdverbs = ["特别", "共同", "直接", "间接", "临时", "紧急", "长期", "短期", "定期", "单独", "专门"]

    /// Verbs that take a clause, never part of a noun phrase (`观点|认为|十三五时期经济增速`).
    static let clauseVerbs: Set<String> = [
        "认为", "表示", "指出", "称", "说", "显示", "预计", "预测", "透露", "介绍", "强调", "表明", "发现", "报道", "宣布",
        "公布", "估计", "相信", "希望", "称为", "据悉", "获悉", "指", "证实", "承认", "坦言", "直言", "提到", "知道",
        // Sentences: what is imposed is the sentence, never part of a noun with the verb (`判处|有期徒刑`).
        "判处", "判", "判决", "改判",
    ]

    /// One-character nouns that make a noun of the verb before them (收费站, 手续费, 避难所, 安装工). Not
    /// 金, which opens names more often (`获得|金|马|影展`, `获得|金|奖`) than it ends a noun the
    /// lexicon lacks (保证金, 奖金 are listed).
    static let nounSuffixes = ScalarSet("工 费 所 率 量 额 者 员 师 站 点 处 场 馆 院 室 厂 局 队 组 团 会 品 物 权 证 单 表 度 线 网 库 区 期 价 值 数 款 税 案 机 器 车 船 楼 房 号 卡 票 书 人 商 户 法 型".unicodeScalars.filter { $0 != " " })

    /// Noun suffixes that make a quantity of a verb of change (压缩率, 增长量, 下降幅度 is listed whole).
    static let quantitySuffixes: ScalarSet = "率量额值"
    /// First characters of bridges that are no verb of change (最高, 只是, 已满 + 额 is no noun).
    static let notVerbOpeners: ScalarSet = "最只仅已就都也还正即是为约均"

    /// Bridges that predicate the number of the subject (`成交额|在|千万元以下`, `市值|为|4400亿元`):
    /// after one of them, `N的X` describes X by the subject's number, so the subject wins.
    static let predicates: Set<String> = [
        "达", "达到", "为", "是", "有", "在", "至", "到", "于", "超过", "超", "只得", "仅得", "只有", "仅有", "还有", "已有",
        "共有", "拥有", "高达", "多达", "约为", "均为", "仅为", "不足", "不到", "低于", "高于", "少于", "多于", "接近",
        "突破", "保持", "保持在", "维持", "维持在", "稳定在", "控制在", "处于", "处在", "增至", "降至", "升至", "跌至",
        "相当于", "报", "报收", "收于", "录得", "占", "占到", "只是", "就是", "仅是", "都是", "也是",
    ]

    /// Last characters of nouns for people (翻译民警, 参赛选手, 党员干部, 家属): a verb may
    /// open such a noun after a count of people (`1名翻译民警`), while `17人组成短网队` is what the
    /// people did; and after one, a count of people's noun ends (`兩名消防員|殉職`).
    static let personHeads: ScalarSet = "人员者警师生工民士官手家客商户友兵众童女男部属告迷长"

    /// Nouns that name a level rather than a quantity (`保持在95.7%的高位水平`, `逼近21000点大关`).
    static let levels = "大关 关口 台阶 新台阶 水平 高位 低位 高点 低点 纪录 记录 新高 新低 位置 态势 程度 高峰 低谷 区间 范围 附近 左右"

    /// Nouns that frame a number rather than being measured by it after 的 or for a duration
    /// (`不到一年时间`, `60美元的情况`).
    static let frames = "时间 时候 期间 时期 条件 情况 前提 背景 基础 情形"
}

/// One-to-one code point folding for matching: fullwidth ASCII → ASCII, ideographic space → space,
/// traditional → simplified for the characters numeric claims are made of (numerals, multipliers,
/// classifiers, units, approx and change words, date words), and numeral variants.
///
/// Why not ICU's Traditional-Simplified transliterator: it may map one character to several and
/// would move offsets; and claims only need this closed set of characters.
public enum Folding {
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 { return s }
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }   // fullwidth ASCII
        switch v {
        case 0x3000, 0x00A0: return " "
        case 0x2212, 0x2013, 0x2014, 0xFE63: return v == 0x2014 ? s : "-"        // minus, en dash (not the em dash —)
        case 0x3007, 0x25CB, 0x25EF, 0x039F: return "〇"                          // ○ ◯ variants of 〇
        case 0xFF61: return "。"
        default: break
        }
        return traditional[s] ?? s
    }

    /// Traditional → simplified, one character each. Keys are traditional forms.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs = """
        萬万 億亿 兩两 倆俩 個个 點点 餘余 幾几 圓元 貳贰 參叁 陸陆 塊块 錢钱 噸吨 間间 門门 歲岁 \
        頭头 隻只 條条 張张 輛辆 項项 處处 場场 屆届 歳岁 臺台 台台 幣币 鎊镑 歐欧 圜圆 \
        億亿 萬万 週周 時时 鐘钟 號号 過过 約约 將将 達达 內内 來来 後后 當当 與与 為为 \
        增增 長长 漲涨 減减 降降 跌跌 幅幅 環环 較较 億亿 數数 於于 這这 們们 僅仅 滿满 餘余 \
        額额 總总 貨货 戶户 層层 類类 種种 級级 筆笔 單单 畝亩 頃顷 釐厘 寬宽 噸吨 磅磅 \
        斤斤 兩两 尺尺 碼码 裡里 裏里 哩哩 英英 呎呎 吋吋 桶桶 瓶瓶 盒盒 雙双 對对 組组 \
        輪轮 屆届 樓楼 層层 棟栋 幢幢 艘艘 架架 顆颗 粒粒 滴滴 篇篇 冊册 頁页 份份 針针 \
        劑剂 車车 機机 臺台 網网 線线 億亿 贏赢 敗败 勝胜 負负 場场 強强 輸输 \
        學学 醫医 華华 國国 東东 廣广 區区 縣县 鎮镇 鄉乡 務务 產产 業业 價价 漲涨 幾几 \
        實实 際际 現现 發发 開开 關关 連连 續续 陸陆 義义 監监 險险 營营 貿贸 費费 \
        資资 銷销 稅税 購购 買买 賣卖 億亿 萬万 點点 兆兆 \
        攝摄 氏氏 溫温 度度 壓压 電电 瓦瓦 時时 里里 公公 尺尺 釐厘 毫毫 微微 納纳 \
        鐘钟 週周 歲岁 齡龄 倍倍 翻翻 番番 成成 左左 右右 餘余 近近 逾逾 超超 約约 \
        擴扩 縮缩 跌跌 升升 滬沪 證证 憑凭 準准 標标 億亿 號号 屆届 禮礼 聯联 會会 \
        戰战 選选 舉举 黨党 議议 員员 軍军 艦舰 彈弹 師师 團团 營营 連连 隊队 衛卫 \
        預预 計计 測测 據据 報报 導导 顯显 示示 統统 約约 紀纪 錄录 層层 壽寿 \
        餐餐 飯饭 歷历 復复 於于 從从 億亿 與与 幾几 眾众 宗宗 起起 宗宗 例例 \
        災灾 傷伤 亡亡 難难 屍尸 殺杀 搶抢 盜盗 騙骗 詐诈 罰罚 獄狱 審审 判判 \
        較较 比比 環环 同同 漲涨 跌跌 增增 減减 縮缩 擴扩 升升 降降 創创 紀纪
        """
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for token in pairs.split(separator: " ") {
            let s = Array(token.unicodeScalars)
            if s.count == 2, s[0] != s[1] { table[s[0]] = s[1] }
        }
        return table
    }()
}

/// Chinese surnames, for telling a personal name from a word that happens to follow a role word
/// (举报人反映, 证人证言, 当事人名称).
///
/// The single-character list covers the surnames of almost every person registered in China (the
/// 2020 census's most frequent ones and the rarer ones a ranking of several hundred adds); the
/// compound ones are the 复姓 still in use. A name is a surname and one or two given characters.
enum Surnames {
    static let single: Set<Character> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    )
    static let compound: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
        "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠", "钟离", "闻人",
    ]

    /// Whether `name` reads as a personal name: a surname and one or two more characters, none of
    /// them a masking mark (某, *, ×).
    static func isPersonalName(_ name: String) -> Bool {
        let chars = Array(name.filter { !$0.isWhitespace })
        // A name written in the Uyghur or another minority's way (热依拉·阿不都): a given name and a
        // father's name, each of Han characters, joined by a middle dot.
        let parts = chars.split(separator: "·", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(\.isIdeograph) }),
            chars.count >= 4, !chars.contains(where: { "某*×＊".contains($0) })
        {
            return true
        }
        guard (2...4).contains(chars.count), chars.allSatisfy({ $0.isIdeograph || $0 == "·" }),
            !chars.contains(where: { "某*×＊".contains($0) })
        else { return false }
        if chars.count >= 3, compound.contains(String(chars[0...1])) { return true }
        return chars.count <= 3 && single.contains(chars[0])
    }
}

extension Character {
    /// An ideograph (a Han character): a name's characters are.
    var isIdeograph: Bool { unicodeScalars.allSatisfy(\.properties.isIdeographic) }
}
